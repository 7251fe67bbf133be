package net.adfederation.admin;

import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import net.adfederation.account.AdDomainSource;
import net.adfederation.account.AdProviders;
import net.adfederation.directory.DirectoryException;
import net.adfederation.sync.DryRun;
import net.adfederation.sync.PendingRemovals;
import net.adfederation.trust.AdTrustProviderFactory;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;

/**
 * Trust mode's admin resource, per {@code ad-trust} component of the realm:
 * <ul>
 * <li>{@code GET {id}/pending-removals}: what the deletion guard held back, by batch (view-realm);</li>
 * <li>{@code POST {id}/pending-removals/{batch}/approve}: removes exactly that batch (manage-realm),
 * recorded as an admin event of the approving admin;</li>
 * <li>{@code POST {id}/dry-run}: a full sync that writes nothing, what it would do (view-realm).</li>
 * </ul>
 * and for both modes ({@code ad-connector} and {@code ad-trust}):
 * <ul>
 * <li>{@code GET {id}/status}: each DC probed now, the last sync per domain, pending batches (view-realm);</li>
 * <li>{@code GET {id}/test-user?name=...}: what Keycloak would do with a name, without a password (view-realm).</li>
 * </ul>
 * Another realm's component, or one of another kind, is not found (404).
 */
public class TrustAdminResource {

    /** Longer than any UPN AD accepts (sAMAccountName 20, UPN 1024 in theory; 256 in practice). */
    private static final int MAX_NAME = 256;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    /** What an approval did and who approved it, as answered and as the admin event's representation. */
    public record ApprovalResult(String batch, String approvedBy, List<String> removedUsers, List<String> removedGroups) {
    }

    TrustAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER_FEDERATION_PROVIDER);
    }

    @GET
    @Path("{component}/pending-removals")
    @Produces(MediaType.APPLICATION_JSON)
    public List<PendingRemovals.Batch> pendingRemovals(@PathParam("component") String id) {
        auth.realm().requireViewRealm();
        return PendingRemovals.list(session, realm, component(id));
    }

    @POST
    @Path("{component}/pending-removals/{batch}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public ApprovalResult approve(@PathParam("component") String id, @PathParam("batch") String batch) {
        auth.realm().requireManageRealm();
        ComponentModel component = component(id);
        PendingRemovals.Approval approval;
        try {
            approval = PendingRemovals.approve(session, realm.getId(), component, batch);
        } catch (PendingRemovals.UnknownBatch e) {
            throw new NotFoundException(e.getMessage());
        } catch (PendingRemovals.Busy e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        }
        ApprovalResult result = new ApprovalResult(approval.batch(), auth.adminAuth().getUser().getUsername(),
                approval.removedUsers(), approval.removedGroups());
        adminEvent.operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .representation(result)
                .success();
        return result;
    }

    @POST
    @Path("{component}/dry-run")
    @Produces(MediaType.APPLICATION_JSON)
    public DryRun dryRun(@PathParam("component") String id) {
        auth.realm().requireViewRealm();
        ComponentModel component = component(id);
        AdTrustProviderFactory factory = (AdTrustProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UserStorageProvider.class, AdTrustProviderFactory.PROVIDER_ID);
        try {
            return factory.dryRun(session.getKeycloakSessionFactory(), realm.getId(), new UserStorageProviderModel(component));
        } catch (IllegalStateException e) {
            throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
        } catch (DirectoryException e) {
            throw new ServiceUnavailableException(e.getMessage());
        }
    }

    @GET
    @Path("{component}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public ProviderStatus.Status status(@PathParam("component") String id) {
        auth.realm().requireViewRealm();
        ComponentModel component = anyProvider(id);
        return ProviderStatus.of(session, realm, component, source(component));
    }

    @GET
    @Path("{component}/test-user")
    @Produces(MediaType.APPLICATION_JSON)
    public UserCheck.Result testUser(@PathParam("component") String id, @QueryParam("name") String name,
                                     @QueryParam("client") String client) {
        auth.realm().requireViewRealm();
        ComponentModel component = anyProvider(id);
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new BadRequestException("name: give a user name (at most " + MAX_NAME + " characters)");
        }
        try {
            return UserCheck.check(session, realm, component, source(component), name.trim(), client, auth);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** One of our components of this realm, either mode. */
    private ComponentModel anyProvider(String id) {
        ComponentModel component = realm.getComponent(id);
        if (component == null || !realm.getId().equals(component.getParentId()) || !AdProviders.isOurs(component.getProviderId())) {
            throw new NotFoundException("no ad-connector or ad-trust provider " + id + " in realm " + realm.getName());
        }
        return component;
    }

    private AdDomainSource source(ComponentModel component) {
        return (AdDomainSource) session.getKeycloakSessionFactory().getProviderFactory(UserStorageProvider.class, component.getProviderId());
    }

    private ComponentModel component(String id) {
        ComponentModel component = realm.getComponent(id);
        if (component == null || !AdTrustProviderFactory.PROVIDER_ID.equals(component.getProviderId())
                || !realm.getId().equals(component.getParentId())) {
            throw new NotFoundException("no ad-trust provider " + id + " in realm " + realm.getName());
        }
        return component;
    }
}
