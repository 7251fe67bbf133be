package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.List;

/**
 * The AD behaviour as an ordered chain of small interceptors. Order matters: the recorder sees
 * requests as sent; access is checked before anything is rewritten (a {@code <GUID=...>} base first of all); account-attribute rules run
 * before password writes add their own pwdLastSet; value ranges are cut before a test's faults
 * see them; the inputs the constructed attributes add to a search are taken out right after those are computed,
 * before anything later sees the entry; paging comes after every rewrite of a search (so its kept answer
 * carries those inputs), and right before it the uSNChanged index narrows a change read's filter once every
 * other rewrite has added to it; stamping comes last so it marks the final change.
 */
final class InterceptorChain {

    private InterceptorChain() {
    }

    static void install(InMemoryDirectoryServerConfig config, InternalDirectory directory, Sessions sessions,
                        OperationLog log, AdObjectFactory factory, TrustedForests trustedForests,
                        FaultInjector faults, Grants grants, UsnIndexedSearch usnIndex) throws LDAPException {
        GroupClosure closure = new GroupClosure(directory);
        MemberLinks links = new MemberLinks(directory);
        List<InMemoryOperationInterceptor> chain = List.of(
                new OperationRecorder(log),
                new AccessGuard(sessions),
                new GuidBaseDn(directory),
                new BindInterceptor(directory, sessions, closure, new AccountVerifier(directory), trustedForests),
                new FilterRewriter(new AdMatchingRules(directory, closure), factory::objectCategoryDn),
                new DirSync(sessions, grants, directory.stamp(), directory.domain()),
                new SearchResultCleaner(directory.domain(), directory.stamp()),
                new TokenGroups(directory, closure),
                new ComputedAccountControl(directory),
                new PasswordExpiryComputed(directory),
                ConstructedInputs.remover(),
                new ValueRanges(),
                faults,
                new AddDefaults(directory, factory),
                new AccountAttributeWrites(directory.stamp()),
                new PasswordWrites(directory, sessions),
                new ForeignMembers(directory, factory),
                new BackLinkMaintainer(directory, links),
                new DeletedObjects(directory, new Tombstones(directory), sessions, grants),
                usnIndex,
                new PagedResults(directory, faults),
                faults.results(),
                new ChangeStamping(directory.stamp()));
        chain.forEach(config::addInMemoryOperationInterceptor);
    }
}
