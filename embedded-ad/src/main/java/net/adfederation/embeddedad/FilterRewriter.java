package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rewrites the parts of a search filter that only AD understands into plain LDAP the in-memory
 * server can evaluate, wherever they sit in the filter: the in-chain and bitwise matching rules
 * (see {@link AdMatchingRules}), objectCategory given by class name (objectCategory=person) and
 * any test on unicodePwd, which AD never lets match.
 */
final class FilterRewriter extends InMemoryOperationInterceptor {

    private final AdMatchingRules matchingRules;
    private final UnaryOperator<String> objectCategoryDn;

    FilterRewriter(AdMatchingRules matchingRules, UnaryOperator<String> objectCategoryDn) {
        this.matchingRules = matchingRules;
        this.objectCategoryDn = objectCategoryDn;
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        Filter original = request.getRequest().getFilter();
        Filter rewritten = rewrite(original);
        if (!rewritten.equals(original)) {
            SearchRequest copy = request.getRequest().duplicate();
            copy.setFilter(rewritten);
            request.setRequest(copy);
        }
    }

    Filter rewrite(Filter filter) throws LDAPException {
        switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND:
                return Filter.createANDFilter(rewriteAll(filter.getComponents()));
            case Filter.FILTER_TYPE_OR:
                return Filter.createORFilter(rewriteAll(filter.getComponents()));
            case Filter.FILTER_TYPE_NOT:
                return Filter.createNOTFilter(rewrite(filter.getNOTComponent()));
            case Filter.FILTER_TYPE_EXTENSIBLE_MATCH:
                return matchingRules.expand(filter).orElse(filter);
            default:
                return rewriteSimple(filter);
        }
    }

    private Filter rewriteSimple(Filter filter) {
        String attribute = filter.getAttributeName();
        if (attribute == null) return filter;
        if (attribute.equalsIgnoreCase("unicodePwd")) return AdMatchingRules.NEVER;
        boolean categoryByName = attribute.equalsIgnoreCase("objectCategory")
                && filter.getFilterType() == Filter.FILTER_TYPE_EQUALITY
                && filter.getAssertionValue().indexOf('=') < 0;
        if (categoryByName) {
            return Filter.createEqualityFilter("objectCategory", objectCategoryDn.apply(filter.getAssertionValue()));
        }
        return filter;
    }

    private List<Filter> rewriteAll(Filter[] components) throws LDAPException {
        List<Filter> rewritten = new ArrayList<>(components.length);
        for (Filter component : components) rewritten.add(rewrite(component));
        return rewritten;
    }
}
