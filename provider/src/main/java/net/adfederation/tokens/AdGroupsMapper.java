package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.List;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Puts the user's AD groups, nested ones included, into a claim (default {@code groups}) in the
 * format the admin chose. Connector mode reads them live (once per request, shared with the linked
 * Keycloak groups); trust mode takes the user's synced groups and their AD-group ancestors. Users
 * of neither mode get no claim.
 */
public class AdGroupsMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper,
        EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "ad-groups-mapper";
    public static final String FORMAT = "format";
    public static final String DEFAULT_CLAIM = "groups";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdGroupsMapper.class);

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        CONFIG.get(CONFIG.size() - 1).setDefaultValue(DEFAULT_CLAIM);
        ProviderConfigProperty format = new ProviderConfigProperty();
        format.setName(FORMAT);
        format.setLabel("Group format");
        format.setType(ProviderConfigProperty.LIST_TYPE);
        format.setOptions(List.of("name", "qualified", "dn", "sid"));
        format.setDefaultValue("name");
        format.setHelpText("name: Developers; qualified: CORP\\Developers; dn: the distinguished name; sid: the group's SID.");
        CONFIG.add(format);
        CONFIG.add(property(GroupClaimFilter.LINKED_ONLY, "Only linked groups", ProviderConfigProperty.BOOLEAN_TYPE, "false",
                "Only AD groups linked in Keycloak: in connector mode those a Keycloak group names in its adGroup attribute; "
                        + "in trust mode the synchronised groups that carry a role. Like Entra's 'groups assigned to the application'."));
        CONFIG.add(property(GroupClaimFilter.PREFIX, "Group name prefix", ProviderConfigProperty.STRING_TYPE, null,
                "Only groups whose name (sAMAccountName) starts with this, ignoring case, e.g. app-. Empty: any."));
        CONFIG.add(property(GroupClaimFilter.PATTERN, "Group name pattern", ProviderConfigProperty.STRING_TYPE, null,
                "Only groups whose whole name matches this Java regular expression, ignoring case, e.g. (app|role)-.*. Empty: any."));
        CONFIG.add(property(GroupClaimFilter.MAX, "Maximum groups", ProviderConfigProperty.STRING_TYPE, "0",
                "At most this many groups (after the filters above); 0: no limit. Past it the claim holds the first ones "
                        + "sorted by value, ignoring case, and the token gets <claim>_overflow: true (groups_overflow)."));
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AdGroupsMapper.class);
    }

    private static ProviderConfigProperty property(String name, String label, String type, String defaultValue, String help) {
        ProviderConfigProperty property = new ProviderConfigProperty();
        property.setName(name);
        property.setLabel(label);
        property.setType(type);
        property.setDefaultValue(defaultValue);
        property.setHelpText(help);
        return property;
    }

    /** A bad pattern or maximum is refused when the mapper is saved, naming the setting. */
    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel mapperModel) throws ProtocolMapperConfigException {
        try {
            GroupClaimFilter.of(mapperModel.getConfig());
        } catch (IllegalArgumentException e) {
            throw new ProtocolMapperConfigException(e.getMessage());
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Active Directory groups";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the user's AD groups, nested ones included, as names, DOMAIN\\names, DNs or SIDs.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        GroupFormat format = GroupFormat.of(mappingModel.getConfig().get(FORMAT));
        GroupClaimFilter filter;
        try {
            filter = GroupClaimFilter.of(mappingModel.getConfig());
        } catch (IllegalArgumentException e) {
            // Saved before the check existed (or by a script past it): no groups rather than unfiltered ones.
            LOG.warnf("%s: %s; the groups claim is left out", mappingModel.getName(), e.getMessage());
            return;
        }
        RealmModel realm = userSession.getRealm();
        UserModel user = userSession.getUser();
        List<ClaimGroup> groups = AdUsers.groups(realm, user, format != GroupFormat.SID || filter.needsNames());
        if (groups == null) return;
        List<String> values = format.formatAll(filter.keep(groups, () -> AdUsers.linkedSids(realm, user)));
        String claim = mappingModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (claim == null || claim.isBlank()) {
            // An empty claim name would make mapClaim write nothing: use the default one.
            mappingModel.getConfig().put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
            claim = DEFAULT_CLAIM;
        }
        mappingModel.getConfig().put(ProtocolMapperUtils.MULTIVALUED, "true");
        OIDCAttributeMapperHelper.mapClaim(token, mappingModel, filter.cut(values));
        if (filter.overflows(values)) token.getOtherClaims().put(overflowClaim(claim), Boolean.TRUE);
    }

    /** groups -> groups_overflow; a nested claim name (ad.groups) gets its overflow flag at the top level as ad.groups_overflow. */
    static String overflowClaim(String claim) {
        return claim.trim() + "_overflow";
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
