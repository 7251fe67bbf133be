package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.List;

import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
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
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AdGroupsMapper.class);
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
        List<ClaimGroup> groups = AdUsers.groups(userSession.getRealm(), userSession.getUser(), format != GroupFormat.SID);
        if (groups == null) return;
        List<String> values = format.formatAll(groups);
        String claim = mappingModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (claim == null || claim.isBlank()) {
            // An empty claim name would make mapClaim write nothing: use the default one.
            mappingModel.getConfig().put(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME, DEFAULT_CLAIM);
        }
        mappingModel.getConfig().put(ProtocolMapperUtils.MULTIVALUED, "true");
        OIDCAttributeMapperHelper.mapClaim(token, mappingModel, values);
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
