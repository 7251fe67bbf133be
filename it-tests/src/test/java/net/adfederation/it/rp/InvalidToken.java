package net.adfederation.it.rp;

/** The application refused a token: bad signature, wrong issuer or audience, expired, or not its nonce. */
public final class InvalidToken extends RuntimeException {

    InvalidToken(String which, Exception cause) {
        super(which + " refused: " + cause.getMessage(), cause);
    }
}
