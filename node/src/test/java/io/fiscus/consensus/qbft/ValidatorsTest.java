package io.fiscus.consensus.qbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.fiscus.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
  private static Address address(int last) {
    byte[] bytes = new byte[20];
    bytes[19] = (byte) last;
    return Address.wrap(bytes);
  }

  private final Validators four =
      Validators.of(List.of(address(40), address(10), address(30), address(20)));

  @Test
  void quorumIsCeilingOfTwoThirdsAsBesuComputesIt() {
    int[][] table = {
      {1, 1}, {2, 2}, {3, 2}, {4, 3}, {5, 4}, {6, 4}, {7, 5}, {10, 7}, {13, 9}, {16, 11}
    };
    for (int[] row : table) {
      assertThat(Validators.quorum(row[0])).as("n=%d", row[0]).isEqualTo(row[1]);
    }
  }

  @Test
  void validatorsAreSortedAscendingByAddress() {
    assertThat(four.sorted()).containsExactly(address(10), address(20), address(30), address(40));
  }

  @Test
  void proposerIsTheValidatorAfterThePreviousProposerAdvancedByTheRound() {
    assertThat(four.proposer(address(20), 0)).isEqualTo(address(30));
    assertThat(four.proposer(address(20), 1)).isEqualTo(address(40));
    assertThat(four.proposer(address(20), 2)).isEqualTo(address(10));
    assertThat(four.proposer(address(40), 0)).isEqualTo(address(10));
  }

  @Test
  void anUnknownPreviousProposerStartsRotationAtTheNextHigherAddress() {
    assertThat(four.proposer(address(25), 0)).isEqualTo(address(30));
    assertThat(four.proposer(address(25), 1)).isEqualTo(address(40));
    assertThat(four.proposer(Address.ZERO, 0)).isEqualTo(address(10));
  }

  @Test
  void anUnknownPreviousProposerAboveEveryValidatorWrapsToTheFirst() {
    assertThat(four.proposer(address(50), 0)).isEqualTo(address(10));
    assertThat(four.proposer(address(50), 3)).isEqualTo(address(40));
  }

  @Test
  void faultsToleratedIsAThirdRoundedDown() {
    assertThat(four.faultsTolerated()).isEqualTo(1);
    assertThat(Validators.of(List.of(address(1))).faultsTolerated()).isZero();
  }
}
