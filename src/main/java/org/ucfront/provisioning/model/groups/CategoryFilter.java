package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.EmbeddedXml.XSL;
import static org.ucfront.provisioning.model.groups.EmbeddedXml.child;

import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XSL of a transformation rule (§2.2.2.5.4 categoryData, §4.2.2): it keeps of a category
 * instance what a container's members may see. Each template copies the matched element and
 * runs its steps inside the copy. XPath uses the prefixes {@code tns} (the category), {@code ct}
 * (commontypes), {@code t} (Exchange types) and {@code xsi}.
 */
record CategoryFilter(Category category, List<Template> templates) implements CategoryData {

    /** Exchange Web Services types, of calendarData's WorkingHours (§4.2.2). */
    static final String EXCHANGE_TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";

    CategoryFilter {
        templates = List.copyOf(templates);
    }

    static CategoryFilter of(Category category, Template... templates) {
        return new CategoryFilter(category, List.of(templates));
    }

    /** A category: its name, which is also its root element, and its namespace. */
    record Category(String name, String namespace) {
    }

    /** {@code <xsl:template match=…><xsl:copy>steps</xsl:copy></xsl:template>}. */
    record Template(String match, List<Step> steps) {
        Template {
            steps = List.copyOf(steps);
        }
    }

    static Template template(String match, Step... steps) {
        return new Template(match, List.of(steps));
    }

    /** What a template does inside the copy of its element: appends its XSL there. */
    sealed interface Step {
        void appendTo(Element parent, String categoryNamespace);
    }

    /** Copies the element's attributes. */
    record CopyAttributes() implements Step {
        @Override
        public void appendTo(Element parent, String ns) {
            copyOf(parent, "@*");
        }
    }

    /** Copies the selected nodes whole. */
    record CopyOf(String select) implements Step {
        @Override
        public void appendTo(Element parent, String ns) {
            copyOf(parent, select);
        }
    }

    /** Applies the templates to the selected nodes (to filter their content too). */
    record Apply(String select) implements Step {
        @Override
        public void appendTo(Element parent, String ns) {
            child(parent, "xsl:apply-templates").setAttribute("select", select);
        }
    }

    /**
     * When the instance has an n-th {@code ct:delimiter} (a later schema version's extension
     * point), copies it and then runs the steps: the extension's elements the container keeps.
     */
    record Section(int delimiter, List<Step> steps) implements Step {
        Section {
            steps = List.copyOf(steps);
        }

        @Override
        public void appendTo(Element parent, String ns) {
            Element when = whenDelimiter(child(parent, "xsl:choose"), delimiter);
            copyOf(when, "ct:delimiter[" + delimiter + "]");
            steps.forEach(s -> s.appendTo(when, ns));
        }
    }

    /**
     * Copies the n-th {@code ct:delimiter} and everything after it (versions this filter does not
     * know), or else the instance's {@code ct:end} and {@code ct:extension}.
     */
    record Extensions(int delimiter) implements Step {
        @Override
        public void appendTo(Element parent, String ns) {
            Element choose = child(parent, "xsl:choose");
            Element when = whenDelimiter(choose, delimiter);
            copyOf(when, "ct:delimiter[" + delimiter + "]");
            copyOf(when, "ct:delimiter[" + delimiter + "]/following-sibling::*");
            Element otherwise = child(choose, "xsl:otherwise");
            copyOf(otherwise, "ct:end");
            copyOf(otherwise, "ct:extension");
        }
    }

    /** {@code xsl:choose} with one test. */
    record Choose(String test, List<Step> when, List<Step> otherwise) implements Step {
        Choose {
            when = List.copyOf(when);
            otherwise = List.copyOf(otherwise);
        }

        @Override
        public void appendTo(Element parent, String ns) {
            Element choose = child(parent, "xsl:choose");
            Element w = child(choose, "xsl:when");
            w.setAttribute("test", test);
            when.forEach(s -> s.appendTo(w, ns));
            Element o = child(choose, "xsl:otherwise");
            otherwise.forEach(s -> s.appendTo(o, ns));
        }
    }

    /** Writes an element of the category's namespace with these attributes (in order) and text. */
    record Emit(String name, List<Map.Entry<String, String>> attributes, String text) implements Step {
        Emit {
            attributes = List.copyOf(attributes);
        }

        @Override
        public void appendTo(Element parent, String ns) {
            Element element = child(parent, "xsl:element");
            element.setAttribute("name", name);
            EmbeddedXml.declare(element, null, ns); // the name resolves against it, as in §4.2.2
            for (Map.Entry<String, String> a : attributes) {
                Element attribute = child(element, "xsl:attribute");
                attribute.setAttribute("name", a.getKey());
                attribute.setTextContent(a.getValue());
            }
            if (text != null) {
                element.appendChild(parent.getOwnerDocument().createTextNode(text));
            }
        }
    }

    @Override
    public Document document(Element context) {
        Document doc = EmbeddedXml.newDocument(context, XSL, "xsl:stylesheet");
        Element sheet = doc.getDocumentElement();
        sheet.setAttribute("version", "1.0");
        EmbeddedXml.declare(sheet, "xsi", EmbeddedXml.XSI);
        EmbeddedXml.declare(sheet, "ct", ContainerManifestXml.COMMON_TYPES);
        EmbeddedXml.declare(sheet, "tns", category.namespace());
        EmbeddedXml.declare(sheet, "t", EXCHANGE_TYPES);
        sheet.setAttribute("exclude-result-prefixes", "tns ct t");
        Element output = child(sheet, "xsl:output");
        output.setAttribute("method", "xml");
        output.setAttribute("encoding", "utf-8");
        output.setAttribute("indent", "yes");
        child(sheet, "xsl:strip-space").setAttribute("elements", "*");
        // the instance may come wrapped: start from its category element wherever it is
        Element root = child(sheet, "xsl:template");
        root.setAttribute("match", "node()");
        child(root, "xsl:apply-templates").setAttribute("select", "//tns:" + category.name());
        for (Template t : templates) {
            Element template = child(sheet, "xsl:template");
            template.setAttribute("match", t.match());
            Element copy = child(template, "xsl:copy");
            t.steps().forEach(s -> s.appendTo(copy, category.namespace()));
        }
        return doc;
    }

    private static Element whenDelimiter(Element choose, int delimiter) {
        Element when = child(choose, "xsl:when");
        when.setAttribute("test", "count(ct:delimiter) > " + (delimiter - 1));
        return when;
    }

    private static void copyOf(Element parent, String select) {
        child(parent, "xsl:copy-of").setAttribute("select", select);
    }
}
