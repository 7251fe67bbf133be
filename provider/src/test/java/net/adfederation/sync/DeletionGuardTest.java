package net.adfederation.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeletionGuardTest {

    @Test
    void removalsUpToTheThresholdGoAhead() {
        assertThat(DeletionGuard.block(500, 500, 500, List.of())).isEmpty();
    }

    @Test
    void tooManyUsersOrGroupsBlockEveryRemoval() {
        assertThat(DeletionGuard.block(501, 0, 500, List.of())).hasValueSatisfying(why -> assertThat(why)
                .isEqualTo("Nothing was removed: this sync would remove 501 users and 0 groups, more than deletionThreshold (500). "
                        + "If that is intended, raise deletionThreshold and synchronise again."));
        assertThat(DeletionGuard.block(0, 501, 500, List.of())).isPresent();
    }

    @Test
    void aFailedReadBlocksEvenOneRemoval() {
        assertThat(DeletionGuard.block(1, 0, 500, List.of("corp.example.test (timeout)")))
                .hasValue("Nothing was removed: reading corp.example.test (timeout) failed, and users missing from a failed "
                        + "read cannot be told from deleted ones.");
    }
}
