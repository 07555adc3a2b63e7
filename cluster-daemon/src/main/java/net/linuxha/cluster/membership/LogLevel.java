package net.linuxha.cluster.membership;

/** The level word that starts each cluster log line ({@code INFO dd/mm/yyyy hh:mm:ss text}). */
public enum LogLevel {
    INFO, WARN, ERROR
}
