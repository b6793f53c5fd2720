// A registered unsigned multiplier, written by hand: the Verilog a Silica black box instantiates.
module RegMul #(
  parameter WIDTH = 8
) (
  input  wire               clk,
  input  wire               rst,
  input  wire [WIDTH-1:0]   a,
  input  wire [WIDTH-1:0]   b,
  output wire [2*WIDTH-1:0] p
);
  reg [2*WIDTH-1:0] product = {2*WIDTH{1'b0}};
  always @(posedge clk) begin
    if (rst) product <= {2*WIDTH{1'b0}};
    else product <= {{WIDTH{1'b0}}, a} * {{WIDTH{1'b0}}, b};
  end
  assign p = product;
endmodule
