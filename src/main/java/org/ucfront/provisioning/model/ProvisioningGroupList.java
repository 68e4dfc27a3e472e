package org.ucfront.provisioning.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The request document (§2.2.2.4): the names of the groups a client asks for. */
public record ProvisioningGroupList(List<String> groupNames, String subnet) {

    public static final int MAX_GROUPS = 64;
    public static final int MAX_NAME_LENGTH = 128;

    /**
     * @throws HardenedXml.RefusedXmlException when the body is not a well-formed
     *         provisioningGroupList in the request namespace (compared case-insensitively)
     */
    public static ProvisioningGroupList parse(byte[] body) throws HardenedXml.RefusedXmlException {
        Document doc = HardenedXml.parse(body);
        Element root = doc.getDocumentElement();
        if (!InBandProvisioning.REQUEST_ROOT.equals(root.getLocalName())
                || root.getNamespaceURI() == null
                || !root.getNamespaceURI().toLowerCase(Locale.ROOT).equals(InBandProvisioning.REQUEST_NAMESPACE)) {
            throw new HardenedXml.RefusedXmlException("root must be provisioningGroupList in namespace "
                    + InBandProvisioning.REQUEST_NAMESPACE);
        }
        List<String> names = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && InBandProvisioning.REQUEST_GROUP.equals(e.getLocalName())
                    && root.getNamespaceURI().equals(e.getNamespaceURI())) {
                String name = e.getAttribute(InBandProvisioning.NAME);
                if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                    throw new HardenedXml.RefusedXmlException("provisioningGroup needs a name attribute of at most "
                            + MAX_NAME_LENGTH + " characters");
                }
                if (names.size() == MAX_GROUPS) {
                    throw new HardenedXml.RefusedXmlException("more than " + MAX_GROUPS + " provisioningGroup elements");
                }
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new HardenedXml.RefusedXmlException("provisioningGroupList lists no provisioningGroup");
        }
        String subnet = root.getAttribute(InBandProvisioning.SUBNET);
        return new ProvisioningGroupList(List.copyOf(names), subnet.isEmpty() ? null : subnet);
    }
}
