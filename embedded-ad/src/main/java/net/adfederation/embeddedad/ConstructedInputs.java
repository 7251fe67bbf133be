package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stored attributes AD's constructed ones are computed from, and the domain policy they read,
 * fetched once per search instead of once per entry. AD computes msDS-User-Account-Control-Computed
 * and msDS-UserPasswordExpiryTimeComputed from the object at hand; reading the stored entry again
 * for each returned one (a base search, about 100 microseconds at 100,000 users) and the domain
 * object with it made a full read of 100,000 users spend most of its time there.
 * <p>
 * So a search that asks for a constructed attribute asks the in-memory server for its inputs too,
 * where the client's own list does not already bring them, and this interceptor, placed after the
 * ones that compute, takes exactly those added ones out of each entry again: the client sees what
 * it asked for and nothing more. Where the client's list names an input with options (a range, say)
 * nothing is added and the computing interceptor reads the stored entry as before, as it does for a
 * typesOnly search (whose entries carry no values).
 * <p>
 * The domain policy is read when the request comes, once per operation: each page of a paged search
 * and each new search sees the policy as it stands then.
 */
final class ConstructedInputs extends InMemoryOperationInterceptor {

    /** Request property: the {@link DomainPolicy} of this operation. */
    private static final String POLICY = "adfed.constructedPolicy";
    /** Request property: the inputs added to the client's list (their schema names), taken out of each entry. */
    private static final String ADDED = "adfed.constructedInputsAdded";
    /** Request property: the attribute list as the client sent it, before any input was added. */
    private static final String CLIENT_LIST = "adfed.constructedClientList";
    /** Request property prefix: Boolean.TRUE when the entries of this search carry these inputs. */
    private static final String PRESENT = "adfed.constructedInputsPresent:";

    private ConstructedInputs() {
    }

    /** The interceptor that takes the added inputs out again; after every one that computes from them. */
    static ConstructedInputs remover() {
        return new ConstructedInputs();
    }

    /** Whether the search asks for the constructed attribute by name. */
    static boolean asks(ReadOnlySearchRequest search, String constructed) {
        return search.getAttributeList().stream().anyMatch(constructed::equalsIgnoreCase);
    }

    /**
     * Makes the entries of this search carry {@code inputs}, adding to the request's attribute list
     * those the client's list does not bring; false when it cannot (typesOnly, or an input named
     * with options), so the caller reads the stored entry instead. {@code key} names the caller's
     * answer for {@link #present}.
     */
    static boolean require(InMemoryInterceptedSearchRequest request, Schema schema, String key, String... inputs) {
        ReadOnlySearchRequest search = request.getRequest();
        if (search.typesOnly()) return false;
        @SuppressWarnings("unchecked")
        List<String> client = (List<String>) request.getProperty(CLIENT_LIST);
        if (client == null) {
            client = List.copyOf(search.getAttributeList());
            request.setProperty(CLIENT_LIST, client);
        }
        List<String> missing = new ArrayList<>();
        for (String input : inputs) {
            Coverage coverage = coverage(client, input, schema);
            if (coverage == Coverage.UNSURE) return false;
            if (coverage == Coverage.ABSENT) missing.add(input);
        }
        if (!missing.isEmpty()) {
            @SuppressWarnings("unchecked")
            Set<String> added = (Set<String>) request.getProperty(ADDED);
            added = added == null ? new LinkedHashSet<>() : new LinkedHashSet<>(added);
            Set<String> list = new LinkedHashSet<>(search.getAttributeList());
            for (String input : missing) {
                added.add(input);
                if (list.stream().noneMatch(input::equalsIgnoreCase)) list.add(input);
            }
            SearchRequest widened = search.duplicate();
            widened.setAttributes(list.toArray(String[]::new));
            request.setRequest(widened);
            request.setProperty(ADDED, Set.copyOf(added));
        }
        request.setProperty(PRESENT + key, Boolean.TRUE);
        return true;
    }

    /** Whether this entry's search was made to carry the inputs of {@code key}. */
    static boolean present(InMemoryInterceptedSearchEntry result, String key) {
        return result.getProperty(PRESENT + key) != null;
    }

    /** Reads the domain policy for this operation, once whichever constructed attributes it asks for. */
    static void readPolicy(InMemoryInterceptedSearchRequest request, InternalDirectory directory) throws LDAPException {
        if (request.getProperty(POLICY) == null) request.setProperty(POLICY, directory.policy());
    }

    /** The policy read for this operation; read now if the request was not seen (it always is). */
    static DomainPolicy policy(InMemoryInterceptedSearchEntry result, InternalDirectory directory) throws LDAPException {
        DomainPolicy policy = (DomainPolicy) result.getProperty(POLICY);
        return policy != null ? policy : directory.policy();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Set<String> added = (Set<String>) result.getProperty(ADDED);
        Entry entry = result.getSearchEntry();
        if (added == null || entry == null) return;
        Entry trimmed = null;
        for (String input : added) {
            if (!entry.hasAttribute(input)) continue;
            if (trimmed == null) trimmed = entry.duplicate();
            trimmed.removeAttribute(input);
        }
        if (trimmed != null) result.setSearchEntry(trimmed);
    }

    private enum Coverage { GIVEN, ABSENT, UNSURE }

    /**
     * Whether the client's list already returns the input: by "*" (every input is a user attribute) or
     * by its name or OID; UNSURE when it names the input with options, whose answer adding the plain
     * name would change.
     */
    private static Coverage coverage(List<String> client, String input, Schema schema) {
        AttributeTypeDefinition type = schema == null ? null : schema.getAttributeType(input);
        Coverage coverage = Coverage.ABSENT;
        for (String asked : client) {
            if (asked.equals("*")) {
                coverage = Coverage.GIVEN;
                continue;
            }
            int semicolon = asked.indexOf(';');
            String base = semicolon < 0 ? asked : asked.substring(0, semicolon);
            if (!names(base, input, type, schema)) continue;
            if (semicolon >= 0) return Coverage.UNSURE;
            coverage = Coverage.GIVEN;
        }
        return coverage;
    }

    private static boolean names(String asked, String input, AttributeTypeDefinition type, Schema schema) {
        if (asked.equalsIgnoreCase(input)) return true;
        if (type == null) return false;
        AttributeTypeDefinition askedType = schema.getAttributeType(asked);
        return askedType != null && askedType.getOID().toLowerCase(Locale.ROOT).equals(type.getOID().toLowerCase(Locale.ROOT));
    }
}
