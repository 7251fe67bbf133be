package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AD's MaxValRange: a multi-valued attribute with more than 1500 values comes back as
 * {@code member;range=0-1499}, and a client reads the rest by asking for
 * {@code member;range=1500-*}, then {@code member;range=3000-*}, ... until a range ends in "*".
 * Applies to every attribute, as AD does; attributes asked for with a range are asked of the
 * in-memory server by their plain name.
 */
final class ValueRanges extends InMemoryOperationInterceptor {

    /** AD's default MaxValRange. */
    static final int MAX_VAL_RANGE = 1500;
    private static final String REQUESTED = "adfed.requestedRanges";

    /** The values a client asked for: from {@code first}, up to {@code last} (-1 for "*"). */
    private record Requested(long first, long last) {
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        Map<String, Requested> ranges = new HashMap<>();
        Set<String> attributes = new LinkedHashSet<>();
        for (String attribute : request.getRequest().getAttributeList()) {
            int option = attribute.toLowerCase(Locale.ROOT).indexOf(";range=");
            if (option < 0) {
                attributes.add(attribute);
                continue;
            }
            String base = attribute.substring(0, option);
            String[] bounds = attribute.substring(option + ";range=".length()).split("-", 2);
            ranges.put(base.toLowerCase(Locale.ROOT), new Requested(Long.parseLong(bounds[0]),
                    bounds.length < 2 || bounds[1].equals("*") ? -1 : Long.parseLong(bounds[1])));
            attributes.add(base);
        }
        if (ranges.isEmpty()) return;
        SearchRequest plain = request.getRequest().duplicate();
        plain.setAttributes(attributes.toArray(String[]::new));
        request.setRequest(plain);
        request.setProperty(REQUESTED, ranges);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry entry = result.getSearchEntry();
        if (entry == null) return;
        Map<String, Requested> ranges = (Map<String, Requested>) result.getProperty(REQUESTED);
        List<Attribute> shaped = new ArrayList<>();
        boolean changed = false;
        for (Attribute attribute : entry.getAttributes()) {
            Requested wanted = ranges == null ? null : ranges.get(attribute.getBaseName().toLowerCase(Locale.ROOT));
            if (wanted == null && attribute.size() <= MAX_VAL_RANGE) {
                shaped.add(attribute);
                continue;
            }
            shaped.add(slice(attribute, wanted == null ? new Requested(0, -1) : wanted));
            changed = true;
        }
        if (changed) result.setSearchEntry(new Entry(entry.getDN(), shaped));
    }

    /** At most MaxValRange values from the first asked for, named by the range they cover. */
    private static Attribute slice(Attribute attribute, Requested wanted) {
        String[] values = attribute.getValues();
        int first = (int) Math.min(wanted.first(), values.length);
        long asked = wanted.last() < 0 ? Long.MAX_VALUE : wanted.last();
        int last = (int) Math.min(Math.min(asked, first + (long) MAX_VAL_RANGE - 1), values.length - 1L);
        String end = last == values.length - 1 ? "*" : Integer.toString(last);
        return new Attribute(attribute.getBaseName() + ";range=" + first + "-" + end,
                Arrays.copyOfRange(values, first, Math.max(first, last + 1)));
    }
}
