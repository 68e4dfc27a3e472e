package org.ucfront.launcher;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The EJB references the embedded launcher declares are exactly those the SAR's web.xml declares
 * for a SIP Servlet application server (the standalone server links those): an EJB added to one
 * and not the other would work embedded and fail deployed, or the reverse.
 */
public class EjbReferencesTest {

    @Test
    public void webXmlDeclaresTheLaunchersReferences() throws Exception {
        Element webApp = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new File("webapp/WEB-INF/web.xml")).getDocumentElement();
        NodeList refs = webApp.getElementsByTagName("ejb-local-ref");
        Set<String> declared = new TreeSet<>();
        for (int i = 0; i < refs.getLength(); i++) {
            Element ref = (Element) refs.item(i);
            declared.add(text(ref, "ejb-ref-name") + " " + text(ref, "ejb-link") + " " + text(ref, "local"));
        }
        Set<String> launcher = Server.references().stream()
                .map(r -> r.name() + " " + r.beanName() + " " + r.type().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(launcher, declared);
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagName(name).item(0).getTextContent().trim();
    }
}
