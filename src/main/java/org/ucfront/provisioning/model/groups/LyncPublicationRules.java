package org.ucfront.provisioning.model.groups;

import static org.ucfront.provisioning.model.groups.CategoryFilter.template;
import static org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule.bootstrap;
import static org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule.filtered;
import static org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule.selfConsumed;
import static org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule.transformation;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.AGGREGATION;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.BLOCKED;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.COLLEAGUES;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.DEFAULT;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.DND_MAX;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.DND_MIN;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.EXTERNAL;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.FRIENDS_AND_FAMILY;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.SELF;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.WORKGROUP;
import static org.ucfront.provisioning.model.groups.LyncContainerManifests.WORKGROUP_AGGREGATION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ucfront.provisioning.model.groups.CategoryFilter.Apply;
import org.ucfront.provisioning.model.groups.CategoryFilter.Category;
import org.ucfront.provisioning.model.groups.CategoryFilter.Choose;
import org.ucfront.provisioning.model.groups.CategoryFilter.CopyAttributes;
import org.ucfront.provisioning.model.groups.CategoryFilter.CopyOf;
import org.ucfront.provisioning.model.groups.CategoryFilter.Emit;
import org.ucfront.provisioning.model.groups.CategoryFilter.Extensions;
import org.ucfront.provisioning.model.groups.CategoryFilter.Section;
import org.ucfront.provisioning.model.groups.CategoryFilter.Step;
import org.ucfront.provisioning.model.groups.CategoryFilter.Template;
import org.ucfront.provisioning.model.groups.CategoryPublicationManifest.PublicationRule;

/**
 * The category publication rules a Lync server publishes (§4.2.2): what each access level sees
 * of the owner's state, contact card, calendar and note, what the owner keeps to itself, and what
 * a new user's presence starts as. The filters are those of §4.2.2 rebuilt step by step: the
 * example's XSL is damaged in places (an unclosed {@code xsl:otherwise}, {@code ]>} for
 * {@code ]]>}, and a lost {@code >=} in the Do Not Disturb test).
 */
final class LyncPublicationRules {

    static final Category STATE = new Category("state", CategoryData.STATE);
    static final Category CONTACT_CARD = new Category("contactCard", CategoryData.CONTACT_CARD);
    static final Category CALENDAR_DATA = new Category("calendarData", CategoryData.CALENDAR_DATA);
    static final Category NOTE = new Category("note", CategoryData.NOTE);

    /** MS-PRES availability and activity of "urgent interruptions only" (§4.2.2). */
    static final int URGENT_INTERRUPTIONS = 6900;
    static final int URGENT_INTERRUPTIONS_MAX = 8999;
    static final String URGENT_INTERRUPTIONS_TOKEN = "urgent-interruptions-only";
    /** MS-PRES availability "Offline": what blocked contacts see (§4.2.2 bootstrap). */
    static final int OFFLINE = 18500;
    /** §4.2.2: seconds calls ring before the default routing rules apply. */
    static final int RING_SECONDS = 20;
    /** §4.2.2: the default container's routing applies to clients from 4.0 on. */
    static final String ROUTING_MIN_CLIENT_VERSION = "4.0.0.0";

    /** A user state set by hand in the Do Not Disturb range. */
    private static final String MANUAL_DND = "@xsi:type='userState' and tns:availability >= " + DND_MIN
            + " and tns:availability <= " + DND_MAX + " and @manual='true'";
    /** Urgent interruptions only, instead of a manual Do Not Disturb. */
    private static final Step URGENT_INSTEAD_OF_DND = new Choose(MANUAL_DND,
            List.of(new Emit("availability", List.of(), Integer.toString(URGENT_INTERRUPTIONS)),
                    new Emit("activity", List.of(Map.entry("token", URGENT_INTERRUPTIONS_TOKEN),
                            Map.entry("minAvailability", Integer.toString(URGENT_INTERRUPTIONS)),
                            Map.entry("maxAvailability", Integer.toString(URGENT_INTERRUPTIONS_MAX))), null)),
            List.of(copy("tns:availability"), copy("tns:activity")));

    /** Workgroup (through container 3): a manual Do Not Disturb lets urgent interruptions through. */
    static final CategoryFilter WORKGROUP_STATE = CategoryFilter.of(STATE, template("tns:state", attributes(),
            URGENT_INSTEAD_OF_DND, copy("tns:endpointLocation"), copy("tns:meetingSubject"),
            copy("tns:meetingLocation"),
            section(1, copy("tns:timeZoneBias"), copy("tns:timeZoneName"), copy("tns:timeZoneAbbreviation"),
                    copy("tns:device")),
            new Extensions(2)));

    private static final Template NAME = template("tns:name", attributes(), copy("tns:displayName"), new Extensions(1));
    private static final Template IDENTITY = template("tns:identity", attributes(), new Apply("tns:name"),
            copy("tns:email"), new Extensions(1));
    private static final Template ADDRESS = template("tns:address", attributes(), copy("tns:street"), copy("tns:city"),
            copy("tns:state"), copy("tns:zipcode"), copy("tns:countryCode"), new Extensions(1));
    private static final Template PHONE = template("tns:phone", attributes(), copy("tns:uri"),
            copy("tns:displayString"), new Extensions(1));

    /** External contacts: name, e-mail, company, title, voice mail URL and photo; no phones. */
    static final CategoryFilter EXTERNAL_CARD = CategoryFilter.of(CONTACT_CARD, NAME, IDENTITY,
            template("tns:contactCard", attributes(), new Apply("tns:identity"), copy("tns:company"),
                    copy("tns:department"), copy("tns:title"), copy("tns:url[@type='voicemail']"), section(1),
                    photo(), new Extensions(3)));
    /** Colleagues: the work card (work address and phone, office, URLs), without the mobile phone. */
    static final CategoryFilter COLLEAGUE_CARD = workCard(false);
    /** Workgroup: the work card and the mobile phone. */
    static final CategoryFilter WORKGROUP_CARD = workCard(true);
    /** Blocked contacts: the identity only. */
    static final CategoryFilter BLOCKED_CARD = CategoryFilter.of(CONTACT_CARD, NAME, IDENTITY,
            template("tns:contactCard", attributes(), new Apply("tns:identity"), section(1), section(2),
                    new Extensions(3)));

    /** Self: the working hours. */
    static final CategoryFilter WORKING_HOURS = CategoryFilter.of(CALENDAR_DATA,
            template("tns:calendarData", attributes(), copy("t:WorkingHours"), new Extensions(1)));
    /** Colleagues and Workgroup: working hours and free/busy. */
    static final CategoryFilter FREE_BUSY = CategoryFilter.of(CALENDAR_DATA,
            template("tns:calendarData", attributes(), copy("t:WorkingHours"), copy("tns:freeBusy"),
                    new Extensions(1)));
    /** External and Blocked: an empty calendar. */
    static final CategoryFilter NO_CALENDAR = CategoryFilter.of(CALENDAR_DATA, template("tns:calendarData"));
    /** External and Blocked: an empty note. */
    static final CategoryFilter NO_NOTE = CategoryFilter.of(NOTE, template("tns:note"));

    /** §4.2.2, in its order. */
    static final CategoryPublicationManifest RULES = new CategoryPublicationManifest(List.of(
            selfConsumed("state", AGGREGATION),
            filtered(WORKGROUP_AGGREGATION, WORKGROUP_STATE),
            selfConsumed("device", AGGREGATION),
            filtered(EXTERNAL, EXTERNAL_CARD),
            filtered(COLLEAGUES, COLLEAGUE_CARD),
            filtered(WORKGROUP, WORKGROUP_CARD),
            selfConsumed("contactCard", FRIENDS_AND_FAMILY),
            filtered(BLOCKED, BLOCKED_CARD),
            filtered(SELF, WORKING_HOURS),
            filtered(EXTERNAL, NO_CALENDAR),
            filtered(COLLEAGUES, FREE_BUSY),
            filtered(WORKGROUP, FREE_BUSY),
            selfConsumed("calendarData", FRIENDS_AND_FAMILY),
            filtered(BLOCKED, NO_CALENDAR),
            filtered(EXTERNAL, NO_NOTE),
            transformation("note", COLLEAGUES),
            transformation("note", WORKGROUP),
            selfConsumed("note", FRIENDS_AND_FAMILY),
            filtered(BLOCKED, NO_NOTE),
            transformation("noteHistory", COLLEAGUES),
            transformation("noteHistory", WORKGROUP),
            selfConsumed("noteHistory", FRIENDS_AND_FAMILY),
            selfConsumed("services", AGGREGATION),
            selfConsumed("routing", DEFAULT),
            transformation("routing", EXTERNAL),
            transformation("routing", COLLEAGUES),
            transformation("routing", WORKGROUP),
            transformation("routing", FRIENDS_AND_FAMILY),
            selfConsumed("userProperties", SELF),
            selfConsumed("userInformation", SELF),
            selfConsumed("alerts", SELF),
            selfConsumed("rccOptions", SELF),
            selfConsumed("otherOptions", SELF),
            selfConsumed("categoryPublicationManifest", SELF),
            // first sign-in: blocked contacts see an offline user without capabilities, calls
            // from them are blocked, and others ring for a while; notes start empty
            bootstrap("state", BLOCKED, new CategoryData.AggregateState(OFFLINE)),
            bootstrap("services", BLOCKED, new CategoryData.Empty(CategoryData.SERVICES, "services")),
            bootstrap("routing", BLOCKED, new CategoryData.Routing("block", null, null)),
            bootstrap("routing", DEFAULT, new CategoryData.Routing("", RING_SECONDS, ROUTING_MIN_CLIENT_VERSION)),
            bootstrap("noteHistory", EXTERNAL, new CategoryData.Empty(CategoryData.NOTE, "note")),
            bootstrap("noteHistory", BLOCKED, new CategoryData.Empty(CategoryData.NOTE, "note"))));

    private LyncPublicationRules() {
    }

    private static CategoryFilter workCard(boolean mobile) {
        List<Step> steps = new ArrayList<>(List.of(attributes(), new Apply("tns:identity"),
                new Apply("tns:address[@type='work']"), copy("tns:company"), copy("tns:department"), copy("tns:title"),
                copy("tns:office"), copy("tns:url"), new Apply("tns:phone[@type='work']")));
        if (mobile) {
            steps.add(new Apply("tns:phone[@type='mobile']"));
        }
        steps.addAll(List.of(copy("tns:automaton"), section(1, copy("tns:type"), copy("tns:description")), photo(),
                new Extensions(3)));
        return new CategoryFilter(CONTACT_CARD, List.of(NAME, IDENTITY, ADDRESS, PHONE,
                new Template("tns:contactCard", steps)));
    }

    private static Step photo() {
        return section(2, copy("tns:displayADPhoto"), copy("tns:photo"));
    }

    private static Step attributes() {
        return new CopyAttributes();
    }

    private static Step copy(String select) {
        return new CopyOf(select);
    }

    private static Step section(int delimiter, Step... steps) {
        return new Section(delimiter, List.of(steps));
    }
}
