package dev.silica.transformer.golden;

/**
 * Golden ReLU on quantized codes: {@code max(x, zeroPoint)}, the code of {@code max(real, 0)} with
 * scale and zero point unchanged. Exact: it has no approximation error (checked by {@code
 * ElementwiseTest} against the float ReLU of the dequantized codes).
 */
public final class Relu {

  private Relu() {}

  /** The ReLU of one code. */
  public static int apply(int code, int zeroPoint) {
    return Math.max(code, zeroPoint);
  }

  /** The ReLU of every code. */
  public static int[] apply(int[] codes, int zeroPoint) {
    int[] result = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      result[i] = apply(codes[i], zeroPoint);
    }
    return result;
  }
}
