package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import net.adfederation.directory.read.AdUser;
import org.junit.jupiter.api.Test;

class RequestMemoTest {

    static AdUser alice() {
        return net.adfederation.common.AdUsers.alice();
    }

    private final RequestMemo<String> memo = new RequestMemo<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<AdUser, String> adapt = user -> "model of " + user.samAccountName() + " #" + reads.get();

    private Supplier<Optional<AdUser>> reading(Optional<AdUser> result) {
        return () -> {
            reads.incrementAndGet();
            return result;
        };
    }

    @Test
    void readsTheSameNameOnlyOnceIgnoringCase() {
        String first = memo.byName("Alice", reading(Optional.of(alice())), adapt);
        String second = memo.byName(" alice ", reading(Optional.of(alice())), adapt);

        assertThat(second).isSameAs(first);
        assertThat(reads).hasValue(1);
    }

    @Test
    void findsByGuidWhatWasReadByNameWithoutReadingAgain() {
        String byName = memo.byName("alice", reading(Optional.of(alice())), adapt);
        String byGuid = memo.byGuid(alice().objectGuid(), reading(Optional.of(alice())), adapt);

        assertThat(byGuid).isSameAs(byName);
        assertThat(reads).hasValue(1);
    }

    @Test
    void remembersThatANameFoundNobody() {
        assertThat(memo.byName("ghost", reading(Optional.empty()), adapt)).isNull();
        assertThat(memo.byName("ghost", reading(Optional.empty()), adapt)).isNull();

        assertThat(reads).hasValue(1);
    }

    @Test
    void keepsNameAndMailLookupsApart() {
        memo.byName("alice@corp.example.test", reading(Optional.empty()), adapt);
        String byMail = memo.byMailOrUpn("alice@corp.example.test", reading(Optional.of(alice())), adapt);

        assertThat(byMail).isNotNull();
        assertThat(reads).hasValue(2);
    }

    @Test
    void givesSearchResultsTheModelAlreadyBuiltThisRequest() {
        String looked = memo.byName("alice", reading(Optional.of(alice())), adapt);

        assertThat(memo.remember(alice(), adapt)).isSameAs(looked);
    }

    @Test
    void aUserReadByOneNameAnswersLookupsByItsUpnAndMailWithoutReadingAgain() {
        String byName = memo.byName("alice", reading(Optional.of(alice())), adapt);

        assertThat(memo.byName("alice@corp.example.test", reading(Optional.empty()), adapt)).isSameAs(byName);
        assertThat(memo.byMailOrUpn("Alice.Liddell@corp.example.test", reading(Optional.empty()), adapt)).isSameAs(byName);
        assertThat(reads).hasValue(1);
    }
}
