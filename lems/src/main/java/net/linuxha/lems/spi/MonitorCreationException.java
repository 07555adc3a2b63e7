package net.linuxha.lems.spi;

/** A monitor could not be made from its arguments; the check is left out of the schedule (Reference 24.6). */
public class MonitorCreationException extends Exception {

    public MonitorCreationException(String message) {
        super(message);
    }

    public MonitorCreationException(String message, Throwable cause) {
        super(message, cause);
    }
}
