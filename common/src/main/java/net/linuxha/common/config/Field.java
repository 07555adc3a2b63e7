package net.linuxha.common.config;

/** A raw text value read from an element or attribute, with the location used in messages about it. */
public record Field(String location, String raw) {
}
