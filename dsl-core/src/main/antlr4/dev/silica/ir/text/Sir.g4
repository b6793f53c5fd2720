/*
 * Silica's IR text form (.sir): one design, its attributes and its modules, one element a line.
 * The generated parser is the class `Sir` (dev.silica.ir.text.SirParser is the public entry point
 * that builds dev.silica.ir records from its parse tree).
 *
 *   design Counter
 *   attribute generator = "counter"
 *
 *   module Counter @ Counter.java:9 {
 *     in en : u1 @ Counter.java:10
 *     out count : u8 @ Counter.java:11
 *
 *     sum : u9 = add value, one @ Counter.java:13
 *     ...
 *   }
 *
 * Every element may end with its source location `@ File.java:17`; without one it is located at
 * its own line of the .sir file.
 */
parser grammar Sir;

options { tokenVocab = SirLexer; }

design : DESIGN top=name attribute* module* EOF ;

attribute : ATTRIBUTE key=name ASSIGN value=STRING ;

module : MODULE id=name loc? LBRACE item* RBRACE ;

item
  : port
  | node
  | register
  | memory
  | instance
  | connect
  | blackBox
  ;

port : direction=(IN | OUT) id=name COLON type loc? ;

node : id=name COLON type ASSIGN op loc? ;

register : REG id=name COLON type INIT init=number (NEXT next=name)? (ENABLE enable=name)? loc? ;

memory
  : MEM id=name COLON type DEPTH depth=INT (STYLE style=(AUTO | BLOCK | DISTRIBUTED))? loc?
    (LBRACE memoryInit? readPort* writePort* RBRACE)?
  ;

memoryInit : INIT LBRACKET number (COMMA number)* RBRACKET ;

readPort : kind=(SYNC | ASYNC) READ id=name ADDR addr=name (ENABLE enable=name)? loc? ;

writePort : WRITE ADDR addr=name DATA data=name (ENABLE enable=name)? loc? ;

instance : INST id=name COLON moduleName=name loc? (LBRACE binding* RBRACE)? ;

binding : input=name ASSIGN signal=name ;

connect : CONNECT output=name ASSIGN source=name loc? ;

/**
 * The module stands for the Verilog module `verilogModule` (see dev.silica.ir.BlackBox): the ports
 * its clock and reset drive, its Verilog parameters and its source text; the module's body is the
 * simulation model.
 */
blackBox
  : BLACKBOX verilogModule=name (CLOCK clockPort=name)? (RESET resetPort=name)?
    (LBRACE verilogParam* (SOURCE source=STRING)? RBRACE)?
  ;

verilogParam : PARAM id=name ASSIGN (number | text=STRING) ;

op
  : CONST number                                                       # constOp
  | kind=(NOT | NEG | ANDR | ORR | XORR) a=name                        # unaryOp
  | kind=(ADD | SUB | MUL | AND | OR | XOR | EQ | NE | LT | LE | GT | GE | SHL | SHR | SRA)
    a=name COMMA b=name                                                # binaryOp
  | kind=(SHLC | SHRC) a=name COMMA amount=INT                         # shiftByOp
  | MUX sel=name COMMA whenTrue=name COMMA whenFalse=name              # muxOp
  | CAT name (COMMA name)*                                             # catOp
  | SLICE a=name COMMA hi=INT COMMA lo=INT                             # sliceOp
  | RESIZE a=name COMMA width=INT                                      # resizeOp
  | CAST a=name COMMA sign=(SIGNED | UNSIGNED)                         # castOp
  ;

type : TYPE ;

number : MINUS? INT ;

/** Where the element was made: `@ Counter.java:17`, or `@ ?:0` when that is unknown. */
loc : AT (file=name | unknown=QUESTION) COLON line=INT ;

/** A name: bare, quoted ("a b"), or any word the grammar uses elsewhere as a keyword or type. */
name : ID | STRING | TYPE | keyword ;

keyword
  : DESIGN | ATTRIBUTE | MODULE | IN | OUT | REG | INIT | NEXT | ENABLE | MEM | DEPTH | STYLE
  | AUTO | BLOCK | DISTRIBUTED | SYNC | ASYNC | READ | WRITE | ADDR | DATA | INST | CONNECT
  | BLACKBOX | CLOCK | RESET | PARAM | SOURCE
  | CONST | NOT | NEG | ANDR | ORR | XORR | ADD | SUB | MUL | AND | OR | XOR
  | EQ | NE | LT | LE | GT | GE | SHL | SHR | SRA | SHLC | SHRC
  | MUX | CAT | SLICE | RESIZE | CAST | SIGNED | UNSIGNED
  ;
