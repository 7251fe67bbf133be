package net.adfederation.embeddedad;

import java.lang.reflect.Method;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * Tells whether a plain-LDAP connection has been upgraded by StartTLS. The in-memory server
 * answers StartTLS before the interceptors, so they never see it; the upgraded connection's
 * socket is an SSLSocket, reachable only through the intercepted operation's package-private
 * getClientConnection(). If a later SDK hides it, StartTLS connections count as unencrypted.
 */
final class StartTlsDetector {

    private static final Method GET_CLIENT_CONNECTION = find();

    private StartTlsDetector() {
    }

    static boolean isUpgraded(Object interceptedOperation) {
        if (GET_CLIENT_CONNECTION == null || !GET_CLIENT_CONNECTION.getDeclaringClass().isInstance(interceptedOperation)) {
            return false;
        }
        try {
            Object connection = GET_CLIENT_CONNECTION.invoke(interceptedOperation);
            Socket socket = connection == null ? null
                    : (Socket) connection.getClass().getMethod("getSocket").invoke(connection);
            return socket instanceof SSLSocket;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method find() {
        try {
            Class<?> operation = Class.forName("com.unboundid.ldap.listener.interceptor.InterceptedOperation");
            Method method = operation.getDeclaredMethod("getClientConnection");
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
