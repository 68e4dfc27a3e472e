package org.ucfront.provisioning.model.groups;

import static org.junit.Assert.assertEquals;
import static org.ucfront.provisioning.model.groups.AnswerXml.children;
import static org.ucfront.provisioning.model.groups.AnswerXml.group;
import static org.ucfront.provisioning.model.groups.AnswerXml.only;
import static org.ucfront.provisioning.model.groups.AnswerXml.settings;
import static org.ucfront.provisioning.model.groups.AnswerXml.validate;
import static org.ucfront.provisioning.model.groups.PublicationGrammarTest.CM;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.w3c.dom.Element;

/** §2.2.2.5.10 privacyPublicationGrammar: schema fragments and the §4.2.2 manifest. */
public class PrivacyPublicationGrammarTest {

    private static Element grammar() throws Exception {
        return group(new PrivacyPublicationGrammar(), settings(Map.of()));
    }

    @Test
    public void validatesAgainstTheGroupAndContainerManifestSchemas() throws Exception {
        Element g = grammar();
        validate(g, "privacyPublicationGrammar.xsd", "containerManifestList.xsd");
        Element list = only(g, CM, "containerManifestList");
        validate(list, "containerManifestList.xsd");
        assertEquals("2.0.0.0", list.getAttribute("minSupportedClientVersion"));
        assertEquals(List.of(list), children(g)); // no categoryPublicationManifest in privacy mode
    }

    @Test
    public void theContainerManifestIsThatOfSection422() throws Exception {
        Element manifest = only(only(grammar(), CM, "containerManifestList"), CM, "containerManifest");
        assertEquals(GrammarSummary.of(PublicationGrammarTest.example("privacyPublicationGrammar")),
                GrammarSummary.of(manifest));
    }
}
