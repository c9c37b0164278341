package io.fiscus.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BanListTest {
  private static final Duration BAN = Duration.ofMinutes(10);
  private final AtomicLong now = new AtomicLong(123_456_789L);
  private final BanList<String> bans = new BanList<>(BAN, 3, now::get);

  @Test
  void aBanHoldsForTheConfiguredTimeThenExpires() {
    assertThat(bans.ban("peer")).isEqualTo(BAN);
    assertThat(bans.isBanned("peer")).isTrue();

    advance(BAN.minusNanos(1));
    assertThat(bans.remaining("peer")).isEqualTo(Duration.ofNanos(1));

    advance(Duration.ofNanos(1));
    assertThat(bans.isBanned("peer")).isFalse();
    assertThat(bans.remaining("peer")).isZero();
  }

  @Test
  void anUnknownKeyIsNotBanned() {
    bans.ban("peer");
    assertThat(bans.isBanned("another")).isFalse();
  }

  @Test
  void anOffenceDuringABanStartsItAgain() {
    bans.ban("peer");
    advance(Duration.ofMinutes(9));
    bans.ban("peer");
    advance(Duration.ofMinutes(9));
    assertThat(bans.remaining("peer")).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void whenFullTheBanNearestItsEndMakesRoom() {
    bans.ban("first");
    advance(Duration.ofMinutes(1));
    bans.ban("second");
    bans.ban("third");
    bans.ban("fourth");

    assertThat(bans.isBanned("first")).isFalse();
    assertThat(bans.isBanned("second")).isTrue();
    assertThat(bans.isBanned("fourth")).isTrue();
    assertThat(bans.size()).isEqualTo(3);
  }

  @Test
  void expiredBansAreNotCounted() {
    bans.ban("first");
    bans.ban("second");
    advance(BAN);
    bans.ban("third");
    assertThat(bans.size()).isEqualTo(1);
  }

  @Test
  void theClockMayStartAnywhereEvenNegative() {
    now.set(Long.MAX_VALUE - 10);
    bans.ban("peer");
    advance(Duration.ofMinutes(5));
    assertThat(bans.remaining("peer")).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aBanMustLastSomeTime() {
    assertThatThrownBy(() -> new BanList<String>(Duration.ZERO, 3, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
