package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Percentiles.median(List.of(30, 14, 21))).isEqualTo(21.0);
    }

    @Test
    void medianOfAnEvenCountIsBetweenTheTwoMiddleValues() {
        assertThat(Percentiles.median(List.of(10, 20))).isEqualTo(15.0);
        assertThat(Percentiles.median(List.of(4L, 1L, 3L, 2L))).isEqualTo(2.5);
    }

    @Test
    void p90InterpolatesBetweenTheClosestRanks() {
        // position 0.9 * (10 - 1) = 8.1: between the 9th (9) and 10th (100) value
        assertThat(Percentiles.p90(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 100))).isCloseTo(18.1, within(1e-9));
        assertThat(Percentiles.p90(List.of(14, 21, 28))).isCloseTo(26.6, within(1e-9));
    }

    @Test
    void aSingleValueIsEveryPercentileAndNoValueHasNone() {
        assertThat(Percentiles.p90(List.of(7))).isEqualTo(7.0);
        assertThat(Percentiles.median(List.of())).isNull();
    }

    @Test
    void fractionOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> Percentiles.percentile(List.of(1), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
