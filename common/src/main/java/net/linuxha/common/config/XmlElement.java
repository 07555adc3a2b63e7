package net.linuxha.common.config;

import java.util.List;
import java.util.Map;

/** A parsed XML element: the tree every binder reads. Attributes keep document order. */
record XmlElement(String name, Map<String, String> attributes, List<XmlElement> children, String text, int line) {
}
