package dev.tickler.caldav;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * WebDAV's 207 Multi-Status body (RFC 4918 13) read with the JDK's DOM parser, namespace-aware and
 * with DTDs and external entities off: the body comes from a server we do not control (XXE).
 */
final class Multistatus {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    private Multistatus() {
    }

    /** @throws IOException when the body is not a multistatus document */
    static List<DavResource> parse(String body) throws IOException {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("the server's multistatus is not well-formed XML", e);
        }
        Element root = document.getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new IOException("the server answered with something other than a DAV multistatus");
        }
        List<DavResource> resources = new ArrayList<>();
        for (Element response : children(root, DAV, "response")) {
            resources.add(resource(response));
        }
        return resources;
    }

    private static DavResource resource(Element response) {
        String href = children(response, DAV, "href").stream().findFirst().map(Multistatus::text).orElse("");
        boolean calendar = false;
        Set<String> components = null;
        String etag = null;
        String data = null;
        String principal = null;
        String home = null;
        for (Element propstat : children(response, DAV, "propstat")) {
            if (!ok(propstat)) {
                continue; // 404 for the properties this resource does not have
            }
            for (Element prop : children(propstat, DAV, "prop")) {
                for (Element type : children(prop, DAV, "resourcetype")) {
                    calendar |= !children(type, CALDAV, "calendar").isEmpty();
                }
                for (Element set : children(prop, CALDAV, "supported-calendar-component-set")) {
                    components = new HashSet<>();
                    for (Element comp : children(set, CALDAV, "comp")) {
                        components.add(comp.getAttribute("name").toUpperCase(Locale.ROOT));
                    }
                }
                for (Element tag : children(prop, DAV, "getetag")) {
                    etag = text(tag);
                }
                for (Element calendarData : children(prop, CALDAV, "calendar-data")) {
                    data = calendarData.getTextContent();
                }
                for (Element p : children(prop, DAV, "current-user-principal")) {
                    principal = children(p, DAV, "href").stream().findFirst().map(Multistatus::text).orElse(principal);
                }
                for (Element h : children(prop, CALDAV, "calendar-home-set")) {
                    home = children(h, DAV, "href").stream().findFirst().map(Multistatus::text).orElse(home);
                }
            }
        }
        return new DavResource(href, calendar, components, etag, data, principal, home);
    }

    private static boolean ok(Element propstat) {
        return children(propstat, DAV, "status").stream().map(Multistatus::text)
                .allMatch(status -> status.matches("HTTP/\\d(\\.\\d)? 2\\d\\d.*"));
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
