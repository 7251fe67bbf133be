package net.adfederation.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import net.adfederation.account.AdAttributes;
import net.adfederation.directory.DomainInfo;
import net.adfederation.directory.read.AdUser;
import net.adfederation.directory.read.GroupEntry;
import net.adfederation.directory.trusts.UpnSuffixOwnership;
import net.adfederation.directory.trusts.DomainForests;
import net.adfederation.directory.trusts.DomainSids;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * Carries out a {@link SyncPlan} in Keycloak in {@link Batches}, touching only what changed: a user
 * or group whose {@link SyncDigest} equals the one Keycloak holds is skipped without being loaded,
 * so an unchanged full sync writes nothing, and a change sync of k changes writes k objects. Order:
 * removals (so a re-created account can take its old name), groups placed in the tree (parents
 * first), users (a user new in a change sync joins the groups of its memberOf), then the members of
 * each group that changed. Counts go to the {@link SyncStatus} the admin console shows;
 * the domains with a failed item are returned so their cursors stay put.
 */
final class SyncWriter {

    private static final Logger LOG = Logger.getLogger(SyncWriter.class);
    private static final int USER_BATCH = 250;
    private static final int GROUP_BATCH = 50;

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final ComponentModel component;
    /** Part of each user's digest: a changed mapping writes every user again. */
    private final net.adfederation.account.AttributeMappings mappings;
    private final java.util.function.Function<String, java.util.Optional<String>> directoryUpns;
    private final KnownObjects known;
    private final UpnSuffixOwnership ownership;
    private final DomainSids sids;
    private final DomainForests forests;
    private final GracePeriod grace;
    private final Batches users;
    private final Batches groups;
    private final SyncStatus result = new SyncStatus();
    // Plain collections: a sync runs on the one thread Keycloak's scheduler (or the admin's request) gives it.
    private final Set<String> domainsWithFailures = new HashSet<>();
    /** Keycloak ids by objectGUID and by DN (lower case), known before the sync or written by it. */
    private final Map<UUID, String> groupIds = new HashMap<>();
    private final Map<String, String> groupIdsByDn = new HashMap<>();
    private final Map<String, String> userIdsByDn = new HashMap<>();
    private final Map<String, String> domainGroupIds = new HashMap<>();
    /** Keycloak ids of the users this sync added. */
    private final Set<String> addedUsers = new HashSet<>();
    /** Keycloak ids of the users this sync removed (deleted, with their memberships). */
    private final Set<String> removedUsers = new HashSet<>();
    /** The changed groups whose new member list this change sync's removals and imports explain. */
    private MemberChanges memberChanges = MemberChanges.NONE;
    /** DNs (lower case) of users of a full read that are not in Keycloak after this sync, by domain. */
    private final Map<String, Set<String>> missingUsers = new HashMap<>();
    /** Users of a full read that failed while it streamed: tried again once the removals are done. */
    private final List<UpsertUser> retried = new ArrayList<>();
    /** The batch this sync put newly held-back removals in, or null. */
    private String markedBatch;
    /** objectGUIDs of the users this sync read (a user back within the grace period is never removed). */
    private final Set<UUID> seen = new HashSet<>();
    /** E-mail addresses (lower case) of new users that no Keycloak user had when looked up before their batch. */
    private final Set<String> freeMails = new HashSet<>();

    /**
     * @param ownership which UPN suffixes and mail domains each domain may give: accounts with another's UPN
     *                  are refused, another's address is not imported
     * @param sids      which domain each account SID lies in, for members named by SID
     * @param forests   which domains share a forest, for members named by DN
     * @param grace     how long a user missing from AD is kept disabled before it is removed
     */
    SyncWriter(KeycloakSessionFactory factory, String realmId, ComponentModel component, KnownObjects known,
               UpnSuffixOwnership ownership, DomainSids sids, DomainForests forests, GracePeriod grace,
               java.util.function.Function<String, java.util.Optional<String>> directoryUpns) {
        this.directoryUpns = directoryUpns;
        this.factory = factory;
        this.grace = grace;
        this.realmId = realmId;
        this.component = component;
        this.mappings = net.adfederation.account.AttributeMappings.orNone(component.getConfig());
        this.known = known;
        this.ownership = ownership;
        this.sids = sids;
        this.forests = forests;
        this.users = new Batches(factory, realmId, component.getName(), USER_BATCH);
        this.groups = new Batches(factory, realmId, component.getName(), GROUP_BATCH);
        known.groups().forEach((guid, group) -> {
            groupIds.put(guid, group.id());
            if (group.dn() != null) groupIdsByDn.put(lower(group.dn()), group.id());
        });
        indexUserDns();
    }

    private void indexUserDns() {
        known.users().values().forEach(user -> {
            if (user.dn() != null && !removedUsers.contains(user.id())) userIdsByDn.putIfAbsent(lower(user.dn()), user.id());
        });
    }

    SyncStatus result() {
        return result;
    }

    Set<String> domainsWithFailures() {
        return domainsWithFailures;
    }

    /** The batch of {@link PendingRemovals} this sync marked objects in, or null. */
    String markedBatch() {
        return markedBatch;
    }

    /**
     * Where a full read of the domain hands its users, a page at a time: each page's changed users are
     * written at once, in batches, so only a page is held. Those that fail (a name that a user to be
     * removed still holds, as for an account deleted and created again) are tried again in {@link #apply}.
     */
    Consumer<List<AdUser>> userPages(DomainInfo domain) {
        return page -> {
            // A change sync that must read a domain in full compares every user: it needs them whole.
            if (!known.isWhole()) {
                known.loadWhole();
                indexUserDns();
            }
            List<UpsertUser> changed = new ArrayList<>();
            page.forEach(read -> seen.add(read.objectGuid()));
            for (AdUser read : page) {
                AdUser user = admitted(domain, read);
                if (user == null) continue;
                UpsertUser work = new UpsertUser(new SyncPlan.UserUpsert(domain, user), true);
                if (!work.unchanged()) changed.add(work);
            }
            lookUpMails(changed);
            retried.addAll(users.run(changed, false));
        };
    }

    void apply(SyncPlan plan) {
        loadKnownUsers(plan);
        plan.users().forEach(upsert -> seen.add(upsert.user().objectGuid()));
        removeOrDisable(plan.removeUsers());
        removeOrKeepGroups(plan);
        markPending(plan);
        // A change sync loaded no group's digest: only those of the groups it read are compared.
        known.loadGroupDigests(plan.groups().stream().flatMap(g -> g.tree().topDown().stream()).map(GroupEntry::objectGuid).toList());
        List<GroupWork> changedGroups = new ArrayList<>();
        for (SyncPlan.DomainGroups domainGroups : plan.groups()) changedGroups.addAll(placeGroups(domainGroups));
        List<UpsertUser> changedUsers = new ArrayList<>(retried);
        for (SyncPlan.UserUpsert upsert : plan.users()) {
            AdUser user = admitted(upsert.domain(), upsert.user());
            if (user == null) continue;
            UpsertUser work = new UpsertUser(new SyncPlan.UserUpsert(upsert.domain(), user), isFull(plan, upsert.domain()));
            if (!work.unchanged()) changedUsers.add(work);
        }
        lookUpMails(changedUsers);
        for (UpsertUser failed : counted(users.run(changedUsers))) {
            domainsWithFailures.add(failed.domain);
            missingUsers.computeIfAbsent(failed.domain, d -> new HashSet<>()).add(lower(failed.user.dn()));
            if (failed.before == null) userIdsByDn.remove(lower(failed.user.dn()));
        }
        if (known.isWhole() && changedGroups.stream().anyMatch(this::hasMemberNotWritten)) {
            // A full comparison reads no DNs; members this sync did not write are found by the DNs Keycloak holds.
            known.loadEveryDn();
            indexUserDns();
        }
        for (GroupMembers failed : counted(groups.run(changedGroups.stream().map(GroupMembers::new).toList()))) {
            domainsWithFailures.add(failed.group().domain);
        }
        if (plan.blocked() != null) {
            LOG.warnf("%s: %s", component.getName(), plan.blocked());
            // Shown where the admin started the sync and kept in its admin event, not only in the server log.
            result.note(plan.blocked());
            result.setFailed(result.getFailed() + plan.withheldRemovals());
        }
        plan.failures().forEach(f -> LOG.warnf("%s: not synchronised: %s", component.getName(), f));
        result.setFailed(result.getFailed() + plan.failures().size());
    }

    /**
     * Without a grace period, the users found gone are removed. With one, a user found gone is
     * disabled (marked missing) the first time, removed once missing for the whole period; users
     * missing that long are removed by any sync that did not read them (a change sync hears of a
     * deletion once).
     */
    private void removeOrDisable(Set<UUID> gone) {
        if (!grace.isOn()) {
            counted(users.run(gone.stream().map(RemoveUser::new).toList()));
            return;
        }
        Map<UUID, String> missingSince = new HashMap<>();
        known.users().forEach((guid, user) -> missingSince.put(guid, user.missingSince()));
        underGrace(users, gone, missingSince, seen, guid -> new MarkMissing(known.users().get(guid).id(), false), RemoveUser::new,
                "users missing from Active Directory are disabled");
    }

    /**
     * Groups likewise: a group found gone is kept with its members, subgroups and role mappings and
     * marked missing, so one restored in AD (same objectGUID) within the period is the same Keycloak
     * group, and removed once missing for the whole period.
     */
    private void removeOrKeepGroups(SyncPlan plan) {
        if (!grace.isOn()) {
            counted(groups.run(plan.removeGroups().stream().map(RemoveGroup::new).toList()));
            return;
        }
        Set<UUID> read = new HashSet<>();
        plan.groups().forEach(domainGroups -> domainGroups.tree().topDown().forEach(g -> read.add(g.objectGuid())));
        Map<UUID, String> missingSince = new HashMap<>();
        known.groups().forEach((guid, group) -> missingSince.put(guid, group.missingSince()));
        underGrace(groups, plan.removeGroups(), missingSince, read, guid -> new MarkMissing(known.groups().get(guid).id(), true),
                RemoveGroup::new, "groups missing from Active Directory are kept");
    }

    private void underGrace(Batches batches, Set<UUID> gone, Map<UUID, String> missingSince, Set<UUID> read,
                            Function<UUID, Batches.Item> mark, Function<UUID, Batches.Item> removal, String marked) {
        GracePeriod.Decision decision = grace.decide(gone, missingSince, read, Instant.now());
        counted(batches.run(decision.markMissing().stream().map(mark).toList()));
        if (!decision.markMissing().isEmpty()) {
            result.note(decision.markMissing().size() + " " + marked + " for the grace period (deletionGraceDays)"
                    + " before they are removed");
        }
        counted(batches.run(decision.remove().stream().map(removal).toList()));
    }

    /**
     * Marks what the guard held back and is not marked yet with a batch of this sync: a later tripped
     * sync leaves earlier batches as they are, so an approval removes exactly the list the admin saw.
     */
    private void markPending(SyncPlan plan) {
        String batch = PendingRemovals.newBatch();
        String lastSeen = PendingRemovals.lastSeen(component);
        List<Batches.Item> marks = new ArrayList<>();
        plan.pendingUsers().stream().map(guid -> known.users().get(guid))
                .filter(user -> user != null && user.pending() == null)
                .forEach(user -> marks.add(new Mark(user.id(), false, batch, lastSeen)));
        int users = marks.size();
        plan.pendingGroups().stream().map(guid -> known.groups().get(guid))
                .filter(group -> group != null && group.pending() == null)
                .forEach(group -> marks.add(new Mark(group.id(), true, batch, null)));
        if (marks.isEmpty()) return;
        List<Batches.Item> failed = this.users.run(marks);
        if (failed.size() < marks.size()) markedBatch = batch;
        LOG.infof("%s: %d users and %d groups wait for an admin's approval to be removed (pending removals %s)",
                component.getName(), users, marks.size() - users, batch);
    }

    /**
     * A change sync knows of the users only those its reads named (and the marked ones): it now loads
     * the digest and DN of the users it writes or removes, and finds the members of a changed group
     * among the group's current members (one query of its membership rows with their DNs), the rest
     * by their DN in the attribute index; only a member found nowhere and not among this sync's users
     * makes it read every DN (a member whose DN Keycloak holds in another case, or none of ours: a
     * computer, a user out of scope). A plan with a domain read in full needs every user.
     */
    private void loadKnownUsers(SyncPlan plan) {
        if (known.isWhole()) return;
        if (plan.groups().stream().anyMatch(SyncPlan.DomainGroups::full)) {
            known.loadWhole();
        } else {
            Set<UUID> touched = new HashSet<>(plan.removeUsers());
            plan.users().forEach(upsert -> touched.add(upsert.user().objectGuid()));
            known.loadDetails(touched);
            indexUserDns();
            memberChanges = MemberChanges.predict(plan, known, !grace.isOn());
            if (!membersFound(plan)) known.loadEveryDn();
        }
        indexUserDns();
    }

    /**
     * Finds the user members of the plan's changed groups: first among each group's current members
     * in Keycloak (a group of 33,000 whose one member left needs no 33,000 lookups), then the others
     * by DN in the attribute index; whether each was found or is written by this sync.
     */
    private boolean membersFound(SyncPlan plan) {
        Set<String> groupDns = new HashSet<>(groupIdsByDn.keySet());
        plan.groups().forEach(g -> g.tree().topDown().forEach(entry -> groupDns.add(lower(entry.dn()))));
        Set<String> written = new HashSet<>();
        plan.users().forEach(upsert -> written.add(lower(upsert.user().dn())));
        Map<String, String> wanted = new HashMap<>();
        for (SyncPlan.DomainGroups domainGroups : plan.groups()) {
            for (GroupEntry entry : domainGroups.tree().topDown()) {
                // Its members need not be known: this sync's removals and imports make its memberships AD's.
                if (memberChanges.explains(entry.objectGuid())) continue;
                Map<String, String> unresolved = new HashMap<>();
                for (String dn : entry.memberDns()) {
                    String lower = lower(dn);
                    if (MemberRef.of(dn, groupDns) instanceof MemberRef.User && !userIdsByDn.containsKey(lower)
                            && !written.contains(lower)) unresolved.put(lower, dn);
                }
                KnownObjects.Group held = known.groups().get(entry.objectGuid());
                if (!unresolved.isEmpty() && held != null) {
                    // Those still members: their DNs as Keycloak holds them; a write of this sync overrides any.
                    known.memberIdsByDn(held.id()).forEach(userIdsByDn::putIfAbsent);
                    unresolved.keySet().removeIf(userIdsByDn::containsKey);
                }
                wanted.putAll(unresolved);
            }
        }
        if (wanted.isEmpty()) return true;
        Map<String, String> found = known.idsByDn(wanted.values());
        found.forEach(userIdsByDn::putIfAbsent);
        return found.keySet().containsAll(wanted.keySet());
    }

    /** Whether a changed group has a user member whose Keycloak id this sync does not know (it did not write it). */
    private boolean hasMemberNotWritten(GroupWork group) {
        return group.entry.memberDns().stream()
                .anyMatch(dn -> MemberRef.of(dn, group::isGroup) instanceof MemberRef.User && !userIdsByDn.containsKey(lower(dn)));
    }

    /**
     * The entry to write, or null: an account with a UPN suffix its forest does not own is refused and
     * named in the status, never imported; one with an e-mail address of a domain its forest does not
     * own is imported without it, and the address is named and counted in the status.
     */
    private AdUser admitted(DomainInfo domain, AdUser user) {
        Optional<String> foreignName = ownership.refusal(domain, user);
        if (foreignName.isPresent()) {
            LOG.warnf("%s: not synchronised: %s", component.getName(), foreignName.get());
            result.refuse(foreignName.get());
            return null;
        }
        Optional<String> foreignMail = ownership.mailRefusal(domain, user);
        if (foreignMail.isEmpty()) return user;
        LOG.warnf("%s: %s", component.getName(), foreignMail.get());
        result.withholdMail(foreignMail.get());
        return user.withoutMail();
    }

    private static boolean isFull(SyncPlan plan, DomainInfo domain) {
        return plan.groups().stream().anyMatch(g -> g.full() && g.domain().dnsName().equalsIgnoreCase(domain.dnsName()));
    }

    /** Places the domain's changed groups in the tree, parents first; returns them for their members. */
    private List<GroupWork> placeGroups(SyncPlan.DomainGroups domainGroups) {
        String domain = lower(domainGroups.domain().dnsName());
        Set<String> readDns = new HashSet<>();
        domainGroups.tree().topDown().forEach(g -> readDns.add(lower(g.dn())));
        List<GroupWork> changed = new ArrayList<>();
        for (GroupEntry entry : domainGroups.tree().topDown()) {
            GroupWork work = new GroupWork(domain, entry, domainGroups, readDns);
            if (!work.unchanged()) changed.add(work);
        }
        for (GroupWork failed : counted(groups.run(changed))) {
            domainsWithFailures.add(failed.domain);
            if (known.groups().get(failed.entry.objectGuid()) == null) {
                groupIds.remove(failed.entry.objectGuid());
                groupIdsByDn.remove(lower(failed.entry.dn()));
            }
        }
        return changed.stream().filter(w -> groupIds.containsKey(w.entry.objectGuid())).toList();
    }

    /**
     * One query per 500 for the addresses of the new users about to be written: those no Keycloak user
     * has are imported without a search per user. An address two of them share is searched as before.
     */
    private void lookUpMails(List<UpsertUser> work) {
        Map<String, Integer> mails = new HashMap<>();
        for (UpsertUser item : work) {
            String mail = item.user.mail();
            if (item.before == null && mail != null && !mail.isBlank()) mails.merge(mail.trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        mails.values().removeIf(count -> count > 1);
        if (mails.isEmpty()) return;
        org.keycloak.models.utils.KeycloakModelUtils.runJobInTransaction(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            Set<String> held = SyncStore.of(session, realm, component).heldEmails(mails.keySet());
            freeMails.removeAll(held);
            mails.keySet().stream().filter(mail -> !held.contains(mail)).forEach(freeMails::add);
        });
    }

    /** Items that failed even alone count as failed in the result the admin sees. */
    private <T> List<T> counted(List<T> failed) {
        result.setFailed(result.getFailed() + failed.size());
        return failed;
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private final class RemoveUser implements Batches.Item {
        private final UUID guid;
        private boolean removed;

        RemoveUser(UUID guid) {
            this.guid = guid;
        }

        @Override
        public String what() {
            return "removal of user " + guid;
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            KnownObjects.User user = known.users().get(guid);
            UserModel model = user == null ? null : UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, user.id());
            removed = model != null;
            if (!removed) return;
            LOG.infof("%s: removing %s, deleted in or out of scope of Active Directory", component.getName(), model.getUsername());
            new UserImport(session, realm, component).remove(model);
        }

        @Override
        public void committed() {
            if (!removed) return;
            result.increaseRemoved();
            KnownObjects.User user = known.users().get(guid);
            removedUsers.add(user.id());
            if (user.dn() != null) userIdsByDn.remove(lower(user.dn()));
        }
    }

    private final class RemoveGroup implements Batches.Item {
        private final UUID guid;

        RemoveGroup(UUID guid) {
            this.guid = guid;
        }

        @Override
        public String what() {
            return "removal of group " + guid;
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            KnownObjects.Group group = known.groups().get(guid);
            GroupWriter writer = new GroupWriter(session, realm, component);
            GroupModel model = group == null ? null : writer.byId(group.id());
            if (model != null) writer.remove(model, known.domainGroup(group.domain()));
        }

        @Override
        public void committed() {
            KnownObjects.Group group = known.groups().get(guid);
            groupIds.remove(guid);
            if (group != null && group.dn() != null) groupIdsByDn.remove(lower(group.dn()));
        }
    }

    /** A group placed in the tree with its attributes; its members come after the users. */
    private final class GroupWork implements Batches.Item {
        private final String domain;
        private final GroupEntry entry;
        private final SyncPlan.DomainGroups read;
        private final Set<String> readDns;
        private final UUID parent;
        private final String digest;

        GroupWork(String domain, GroupEntry entry, SyncPlan.DomainGroups read, Set<String> readDns) {
            this.domain = domain;
            this.entry = entry;
            this.read = read;
            this.readDns = readDns;
            this.parent = read.tree().parentOf(entry.objectGuid());
            // A change read sees only part of the nesting: its groups are done again by the next full read.
            String digest = SyncDigest.of(entry, domain, parent);
            this.digest = read.full() || parent != null ? digest : SyncDigest.PARTIAL + digest;
        }

        /** Whether a member DN (lower case) is a group of the domain: read now or known. */
        boolean isGroup(String dn) {
            return readDns.contains(dn) || groupIdsByDn.containsKey(dn);
        }

        boolean unchanged() {
            KnownObjects.Group group = known.groups().get(entry.objectGuid());
            return group != null && group.pending() == null && group.missingSince() == null && digest.equals(group.digest())
                    && !digest.startsWith(SyncDigest.PARTIAL);
        }

        @Override
        public String what() {
            return "group " + entry.dn();
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            GroupWriter writer = new GroupWriter(session, realm, component);
            GroupModel root = writer.domainRoot(domain, domainGroupIds.getOrDefault(domain, known.domainGroup(domain)));
            domainGroupIds.put(domain, root.getId());
            GroupModel parentGroup = parent == null ? null : writer.byId(groupIds.get(parent));
            KnownObjects.Group before = known.groups().get(entry.objectGuid());
            GroupModel group = writer.upsert(domain, entry, before == null ? null : writer.byId(before.id()),
                    parentGroup == null ? root : parentGroup, read.full() || parentGroup != null);
            if (before != null && before.pending() != null) group.removeAttribute(PendingRemovals.MARK);
            // Back in AD within the grace period, with the same objectGUID: the same group, with all it had.
            if (before != null && before.missingSince() != null) group.removeAttribute(GracePeriod.MISSING_SINCE);
            // Visible at once to the groups after it in this batch; a failed batch writes them again, overwriting it.
            groupIds.put(entry.objectGuid(), group.getId());
            groupIdsByDn.put(lower(entry.dn()), group.getId());
        }
    }

    /** The members of a group placed by {@link GroupWork}, then its digest. */
    private final class GroupMembers implements Batches.Item {
        private final GroupWork group;

        GroupMembers(GroupWork group) {
            this.group = group;
        }

        GroupWork group() {
            return group;
        }

        @Override
        public String what() {
            return "members of group " + group.entry.dn();
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            GroupModel model = new GroupWriter(session, realm, component).byId(groupIds.get(group.entry.objectGuid()));
            if (model == null) return;
            UUID guid = group.entry.objectGuid();
            MemberSum sum = memberChanges.sumOf(group.entry);
            if (memberChanges.cameTrue(guid, removedUsers, userIdsByDn::get, addedUsers)) {
                // The removals took the deleted members' rows and the imports joined the new ones: nothing to compare.
                GroupWriter.digest(model, group.digest);
                GroupWriter.memberSum(model, sum);
                return;
            }
            Function<String, String> userIds = dn -> userIdsByDn.get(lower(dn));
            // Predicted but not come true (a removal or import failed): its members were not looked up before.
            if (memberChanges.explains(guid)) userIds = currentMembers(session, realm, model.getId(), userIds);
            Set<String> missing = missingUsers.getOrDefault(group.domain, Set.of());
            boolean complete = new Memberships(session, realm, component, sids, forests).apply(model, group.entry, userIds,
                    group::isGroup,
                    // A full read knows every user in scope: a member that is none of them is not ours to import.
                    dn -> group.read.full() && !missing.contains(dn), addedUsers::contains);
            GroupWriter.digest(model, complete ? group.digest : SyncDigest.PARTIAL + group.digest.replace(SyncDigest.PARTIAL, ""));
            GroupWriter.memberSum(model, complete ? sum : null);
        }

        /** Member DNs to ids: this sync's own first, then the group's current members and any other user by DN. */
        private Function<String, String> currentMembers(KeycloakSession session, RealmModel realm, String groupId,
                                                        Function<String, String> written) {
            // The write's own transaction: KnownObjects' lookups (the same queries) each open one of their own.
            SyncStore store = SyncStore.of(session, realm, component);
            Map<String, String> ids = new HashMap<>();
            store.membersWith(groupId, AdAttributes.DN).forEach(row -> {
                if (row.value() != null) ids.put(lower(row.value()), row.ownerId());
            });
            List<String> others = group.entry.memberDns().stream()
                    .filter(dn -> written.apply(dn) == null && !ids.containsKey(lower(dn))).toList();
            store.usersByValue(AdAttributes.DN, others.stream().filter(dn -> dn.length() <= 255).toList(),
                    row -> ids.putIfAbsent(lower(row.value()), row.ownerId()));
            return dn -> {
                String id = written.apply(dn);
                return id != null ? id : ids.get(lower(dn));
            };
        }
    }

    /** A user added or brought up to date; skipped when its digest says nothing changed. */
    private final class UpsertUser implements Batches.Item {
        private final AdUser user;
        private final DomainInfo domainInfo;
        private final String domain;
        private final boolean fullRead;
        private final KnownObjects.User before;
        private UserImport.Change change;
        /** Why the address was not imported (another Keycloak user holds it), or null. */
        private String withheldMail;

        UpsertUser(SyncPlan.UserUpsert upsert, boolean fullRead) {
            this.user = upsert.user();
            this.domainInfo = upsert.domain();
            this.domain = lower(upsert.domain().dnsName());
            this.fullRead = fullRead;
            this.before = known.users().get(user.objectGuid());
        }

        boolean unchanged() {
            // A user awaiting approval to be removed and read again is written: it loses the mark.
            return before != null && before.pending() == null && before.missingSince() == null
                    && SyncDigest.of(user, domainInfo, mappings).equals(before.digest());
        }

        @Override
        public String what() {
            return "user " + user.dn();
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            UserImport imports = new UserImport(session, realm, component, directoryUpns);
            UserModel existing = before == null ? null
                    : UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, before.id());
            UserModel model;
            if (existing != null) {
                UserImport.Imported updated = imports.update(existing, user, domainInfo);
                model = updated.user();
                change = updated.change();
            } else {
                if (!alone) imports.assumeFreeMails(freeMails);
                model = imports.add(user, domainInfo, alone, true);
                change = UserImport.Change.ADDED;
                // A change read may not read the user's groups again (they changed before): it joins them now.
                if (!fullRead) new Memberships(session, realm, component, sids, forests).join(model, memberOfIds());
            }
            if (before != null && before.pending() != null) {
                model.removeAttribute(PendingRemovals.MARK);
                model.removeAttribute(PendingRemovals.LAST_SEEN);
                imports.evict(model);
            }
            userIdsByDn.put(lower(user.dn()), model.getId());
            withheldMail = imports.withheldMail();
        }

        /** Groups of the user's own domain only: a memberOf naming another domain's group is not its DC's to give. */
        private List<String> memberOfIds() {
            String ownDomain = "," + lower(domainInfo.defaultNamingContext());
            return user.memberOf().stream().filter(dn -> lower(dn).endsWith(ownDomain))
                    .map(dn -> groupIdsByDn.get(lower(dn))).filter(id -> id != null).toList();
        }

        @Override
        public void committed() {
            if (withheldMail != null) result.withholdMail(withheldMail);
            if (change == UserImport.Change.ADDED) {
                result.increaseAdded();
                addedUsers.add(userIdsByDn.get(lower(user.dn())));
            } else if (change == UserImport.Change.UPDATED) {
                result.increaseUpdated();
            }
        }
    }

    /** Marks a user or group as waiting in a batch of {@link PendingRemovals}. */
    private final class Mark implements Batches.Item {
        private final String id;
        private final boolean group;
        private final String batch;
        private final String lastSeen;

        Mark(String id, boolean group, String batch, String lastSeen) {
            this.id = id;
            this.group = group;
            this.batch = batch;
            this.lastSeen = lastSeen;
        }

        @Override
        public String what() {
            return "pending removal of " + (group ? "group " : "user ") + id;
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            if (group) {
                GroupModel model = session.groups().getGroupById(realm, id);
                if (model != null) model.setSingleAttribute(PendingRemovals.MARK, batch);
                return;
            }
            UserModel model = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
            if (model == null) return;
            model.setSingleAttribute(PendingRemovals.MARK, batch);
            if (lastSeen != null) model.setSingleAttribute(PendingRemovals.LAST_SEEN, lastSeen);
            new UserImport(session, realm, component).evict(model);
        }
    }

    /**
     * A user missing from AD, disabled for the grace period, or a group, kept: everything Keycloak
     * holds for it stays.
     */
    private final class MarkMissing implements Batches.Item {
        private final String id;
        private final boolean group;
        private final String since = Instant.now().toString();

        MarkMissing(String id, boolean group) {
            this.id = id;
            this.group = group;
        }

        @Override
        public String what() {
            return "marking of missing " + (group ? "group " : "user ") + id;
        }

        @Override
        public void write(KeycloakSession session, RealmModel realm, boolean alone) {
            if (group) {
                GroupModel model = new GroupWriter(session, realm, component).byId(id);
                if (model == null) return;
                LOG.infof("%s: group %s is missing from Active Directory (deleted or out of scope): kept for the grace period",
                        component.getName(), model.getFirstAttribute(AdAttributes.DN));
                model.setSingleAttribute(GracePeriod.MISSING_SINCE, since);
                return;
            }
            UserModel model = UserStoragePrivateUtil.userLocalStorage(session).getUserById(realm, id);
            if (model == null) return;
            LOG.infof("%s: %s is missing from Active Directory (deleted or out of scope): disabled for the grace period",
                    component.getName(), model.getUsername());
            model.setSingleAttribute(GracePeriod.MISSING_SINCE, since);
            new UserImport(session, realm, component).evict(model);
        }

        @Override
        public void committed() {
            if (!group) result.increaseUpdated();
        }
    }
}
