package net.adfederation.directory;

/**
 * A failure to reach or use a domain. The message is written for the admin who reads it in the
 * admin console or the server log; {@link #problem()} lets callers react without parsing it.
 */
public class DirectoryException extends RuntimeException {

    private final DirectoryProblem problem;

    public DirectoryException(DirectoryProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public DirectoryException(DirectoryProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public DirectoryProblem problem() {
        return problem;
    }
}
