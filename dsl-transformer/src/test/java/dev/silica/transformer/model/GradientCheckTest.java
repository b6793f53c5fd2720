package dev.silica.transformer.model;

import static dev.silica.transformer.model.GradientCheck.assertClose;
import static dev.silica.transformer.model.GradientCheck.loss;
import static dev.silica.transformer.model.GradientCheck.numerical;
import static dev.silica.transformer.model.GradientCheck.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every backward pass agrees with central differences of its forward pass, on tiny shapes. */
class GradientCheckTest {

  private final Random random = new Random(5);

  @Test
  void denseBackwardMatchesNumericalGradients() {
    Dense dense = new Dense("d", 3, 4, random);
    random(random, 4);
    System.arraycopy(random(random, 4), 0, dense.bias.value, 0, 4);
    float[] x = random(random, 5 * 3);
    float[] w = random(random, 5 * 4);
    dense.forward(x);
    float[] dx = dense.backward(w);
    assertClose("dx", numerical(x, () -> loss(dense.forward(x), w)), dx);
    assertClose("dW", numerical(dense.weight.value, () -> loss(dense.forward(x), w)), dense.weight.grad);
    assertClose("db", numerical(dense.bias.value, () -> loss(dense.forward(x), w)), dense.bias.grad);
  }

  @Test
  void batchNormBackwardMatchesNumericalGradientsWithBatchStatistics() {
    BatchNorm norm = new BatchNorm("n", 3);
    System.arraycopy(random(random, 3), 0, norm.gamma.value, 0, 3);
    System.arraycopy(random(random, 3), 0, norm.beta.value, 0, 3);
    float[] x = random(random, 6 * 3);
    float[] w = random(random, 6 * 3);
    norm.forward(x);
    float[] dx = norm.backward(w);
    assertClose("dx", numerical(x, () -> loss(norm.forward(x), w)), dx);
    assertClose("dgamma", numerical(norm.gamma.value, () -> loss(norm.forward(x), w)), norm.gamma.grad);
    assertClose("dbeta", numerical(norm.beta.value, () -> loss(norm.forward(x), w)), norm.beta.grad);
  }

  @Test
  void frozenBatchNormBackwardMatchesNumericalGradients() {
    BatchNorm norm = new BatchNorm("n", 3);
    System.arraycopy(random(random, 3), 0, norm.runningMean, 0, 3);
    System.arraycopy(random(random, 3), 0, norm.gamma.value, 0, 3);
    norm.setFrozen(true);
    float[] x = random(random, 4 * 3);
    float[] w = random(random, 4 * 3);
    norm.forward(x);
    float[] dx = norm.backward(w);
    assertClose("dx", numerical(x, () -> loss(norm.forward(x), w)), dx);
    assertClose("dgamma", numerical(norm.gamma.value, () -> loss(norm.forward(x), w)), norm.gamma.grad);
  }

  @Test
  void attentionBackwardMatchesNumericalGradients() {
    int batch = 2;
    int window = 3;
    int d = 4;
    Attention attention = new Attention(window, d, FakeQuantizer.observed("s"),
        FakeQuantizer.fixed("p", Forecaster::probabilitySpec));
    float[] q = random(random, batch * window * d);
    float[] k = random(random, batch * window * d);
    float[] v = random(random, batch * window * d);
    float[] w = random(random, batch * window * d);
    attention.forward(q, k, v);
    float[][] grads = attention.backward(w);
    assertClose("dQ", numerical(q, () -> loss(attention.forward(q, k, v), w)), grads[0]);
    assertClose("dK", numerical(k, () -> loss(attention.forward(q, k, v), w)), grads[1]);
    assertClose("dV", numerical(v, () -> loss(attention.forward(q, k, v), w)), grads[2]);
  }

  @Test
  void theWholeModelsBackwardMatchesNumericalGradientsWithBatchStatistics() {
    Forecaster model = new Forecaster(new ModelConfig(3, 2, 4, 2), 9);
    model.setTraining(true);
    // a per-channel constant added before a BatchNorm with batch statistics is subtracted again,
    // and softmax ignores the constant q.b_k added to every score of a row
    checkModel(model, java.util.Set.of(model.key.bias, model.value.bias, model.projection.bias, model.ffn2.bias));
  }

  @Test
  void theWholeModelsBackwardMatchesNumericalGradientsWithFrozenStatistics() {
    Forecaster model = new Forecaster(new ModelConfig(3, 2, 4, 2), 10);
    model.setTraining(false);
    checkModel(model, java.util.Set.of(model.key.bias));
  }

  private void checkModel(Forecaster model, java.util.Set<Param> withoutEffect) {
    float[] x = random(random, 4 * 3 * 2);
    float[] w = random(random, 4);
    model.zeroGrad();
    model.forward(x);
    model.backward(w);
    for (Param p : model.params()) {
      float[] analytic = p.grad.clone();
      if (withoutEffect.contains(p)) {
        for (float g : analytic) {
          assertEquals(0, g, 1e-5, p.name() + " cannot change the output");
        }
      } else {
        assertClose(p.name(), numerical(p.value, () -> loss(model.forward(x), w)), analytic);
      }
    }
  }
}
