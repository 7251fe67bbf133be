package net.adfederation.tokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.adfederation.account.AccountOwner;
import net.adfederation.common.SupportedKeycloak;
import org.keycloak.Config;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
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
 * Puts the AD identity of a user of either mode into tokens: upn, domain, netbios_domain,
 * object_guid, object_sid (absent values are skipped). With a claim name set they go into one object
 * claim of that name; without, at the top level. Users of neither mode get nothing.
 */
public class AdIdentityMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper,
        EnvironmentDependentProviderFactory {

    public static final String PROVIDER_ID = "ad-identity-mapper";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(CONFIG);
        CONFIG.get(CONFIG.size() - 1).setHelpText(
                "Optional: a claim holding the AD identity as an object (e.g. 'ad'). Empty: upn, domain, netbios_domain, object_guid and object_sid at the top level.");
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, AdIdentityMapper.class);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Active Directory identity";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the AD user's upn, domain, netbios_domain, object_guid and object_sid (connector and trust mode users).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession) {
        UserModel user = userSession.getUser();
        if (!AccountOwner.of(userSession.getRealm(), user).isAd()) return;
        Map<String, String> claims = IdentityClaims.from(user.getAttributes());
        if (claims.isEmpty()) return;
        String parent = mappingModel.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (parent == null || parent.isBlank()) token.getOtherClaims().putAll(claims);
        else token.getOtherClaims().put(parent.trim(), new LinkedHashMap<>(claims));
    }

    /** Not registered on a Keycloak outside the supported versions: {@link SupportedKeycloak} logs why, once. */
    @Override
    public boolean isSupported(Config.Scope config) {
        return SupportedKeycloak.isRunning();
    }
}
