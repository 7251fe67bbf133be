package net.adfederation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAccountControlTest {

    @Test
    void flagsHaveAdValues() {
        assertThat(UserAccountControl.ACCOUNTDISABLE).isEqualTo(0x2);
        assertThat(UserAccountControl.LOCKOUT).isEqualTo(0x10);
        assertThat(UserAccountControl.PASSWD_NOTREQD).isEqualTo(0x20);
        assertThat(UserAccountControl.NORMAL_ACCOUNT).isEqualTo(0x200);
        assertThat(UserAccountControl.DONT_EXPIRE_PASSWORD).isEqualTo(0x10000);
        assertThat(UserAccountControl.PASSWORD_EXPIRED).isEqualTo(0x800000);
    }

    @Test
    void disabledNormalAccountIs514() {
        assertThat(UserAccountControl.isDisabled(514)).isTrue();
        assertThat(UserAccountControl.isDisabled(512)).isFalse();
        assertThat(UserAccountControl.has(514, UserAccountControl.NORMAL_ACCOUNT)).isTrue();
    }

    @Test
    void passwordNeverExpiresReadsDontExpirePassword() {
        assertThat(UserAccountControl.passwordNeverExpires(0x10200)).isTrue();
        assertThat(UserAccountControl.passwordNeverExpires(0x200)).isFalse();
    }

    @Test
    void hasNeedsEveryBitOfACombinedFlag() {
        int disabledAndLocked = UserAccountControl.ACCOUNTDISABLE | UserAccountControl.LOCKOUT;

        assertThat(UserAccountControl.has(UserAccountControl.ACCOUNTDISABLE, disabledAndLocked)).isFalse();
        assertThat(UserAccountControl.has(0x212, disabledAndLocked)).isTrue();
    }
}
