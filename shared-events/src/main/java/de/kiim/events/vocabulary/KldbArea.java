package de.kiim.events.vocabulary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 37 occupational main groups of the German classification of occupations 2010 (<em>Berufshauptgruppen der
 * KldB 2010</em>): the first two digits of every {@link KldbCode}, labelled, so that statistics can group jobs
 * without a lookup table of all 1,300 occupation types.
 */
public enum KldbArea implements Vocabulary {
    AREA_01("01", "Angehörige der regulären Streitkräfte", "Members of the regular armed forces"),
    AREA_11("11", "Land-, Tier- und Forstwirtschaftsberufe", "Agriculture, animal husbandry and forestry"),
    AREA_12("12", "Gartenbauberufe und Floristik", "Horticulture and floristry"),
    AREA_21(
            "21",
            "Rohstoffgewinnung und -aufbereitung, Glas- und Keramikherstellung und -verarbeitung",
            "Extraction and processing of raw materials, glass and ceramics"),
    AREA_22("22", "Kunststoffherstellung und -verarbeitung, Holzbe- und -verarbeitung", "Plastics and wood working"),
    AREA_23("23", "Papier- und Druckberufe, technische Mediengestaltung", "Paper, printing and technical media design"),
    AREA_24("24", "Metallerzeugung und -bearbeitung, Metallbauberufe", "Metal production, processing and construction"),
    AREA_25("25", "Maschinen- und Fahrzeugtechnikberufe", "Mechanical and automotive engineering"),
    AREA_26("26", "Mechatronik-, Energie- und Elektroberufe", "Mechatronics, energy and electrical occupations"),
    AREA_27(
            "27",
            "Technische Forschungs-, Entwicklungs-, Konstruktions- und Produktionssteuerungsberufe",
            "Technical research, development, design and production planning"),
    AREA_28("28", "Textil- und Lederberufe", "Textile and leather occupations"),
    AREA_29("29", "Lebensmittelherstellung und -verarbeitung", "Food production and processing"),
    AREA_31(
            "31",
            "Bauplanungs-, Architektur- und Vermessungsberufe",
            "Construction planning, architecture and surveying"),
    AREA_32("32", "Hoch- und Tiefbauberufe", "Building construction and civil engineering"),
    AREA_33("33", "(Innen-)Ausbauberufe", "Interior construction and finishing"),
    AREA_34("34", "Gebäude- und versorgungstechnische Berufe", "Building services engineering"),
    AREA_41("41", "Mathematik-, Biologie-, Chemie- und Physikberufe", "Mathematics, biology, chemistry and physics"),
    AREA_42("42", "Geologie-, Geografie- und Umweltschutzberufe", "Geology, geography and environmental protection"),
    AREA_43(
            "43",
            "Informatik-, Informations- und Kommunikationstechnologieberufe",
            "Computer science, information and communication technology"),
    AREA_51(
            "51",
            "Verkehrs- und Logistikberufe (außer Fahrzeugführung)",
            "Traffic and logistics (except vehicle drivers)"),
    AREA_52(
            "52",
            "Führer/innen von Fahrzeug- und Transportgeräten",
            "Drivers and operators of vehicles and transport equipment"),
    AREA_53("53", "Schutz-, Sicherheits- und Überwachungsberufe", "Safety, security and surveillance"),
    AREA_54("54", "Reinigungsberufe", "Cleaning services"),
    AREA_61("61", "Einkaufs-, Vertriebs- und Handelsberufe", "Purchasing, sales and trading"),
    AREA_62("62", "Verkaufsberufe", "Retail sales"),
    AREA_63("63", "Tourismus-, Hotel- und Gaststättenberufe", "Tourism, hotels and restaurants"),
    AREA_71("71", "Berufe in Unternehmensführung und -organisation", "Business management and organisation"),
    AREA_72(
            "72",
            "Berufe in Finanzdienstleistungen, Rechnungswesen und Steuerberatung",
            "Financial services, accounting and tax consultancy"),
    AREA_73("73", "Berufe in Recht und Verwaltung", "Law and public administration"),
    AREA_81("81", "Medizinische Gesundheitsberufe", "Medical health care"),
    AREA_82(
            "82",
            "Nichtmedizinische Gesundheits-, Körperpflege- und Wellnessberufe, Medizintechnik",
            "Non-medical health care, body care, wellness and medical technicians"),
    AREA_83(
            "83",
            "Erziehung, soziale und hauswirtschaftliche Berufe, Theologie",
            "Education, social work, housekeeping and theology"),
    AREA_84("84", "Lehrende und ausbildende Berufe", "Teaching and training"),
    AREA_91(
            "91",
            "Sprach-, literatur-, geistes-, gesellschafts- und wirtschaftswissenschaftliche Berufe",
            "Philology, literature, humanities, social sciences and economics"),
    AREA_92(
            "92",
            "Werbung, Marketing, kaufmännische und redaktionelle Medienberufe",
            "Advertising, marketing, commercial and editorial media"),
    AREA_93(
            "93",
            "Produktdesign und kunsthandwerkliche Berufe, bildende Kunst, Musikinstrumentenbau",
            "Product design, artisan craftwork, fine arts and musical instrument making"),
    AREA_94("94", "Darstellende und unterhaltende Berufe", "Performing arts and entertainment");

    private static final Map<String, KldbArea> BY_DIGITS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(KldbArea::digits, Function.identity()));

    private final String digits;
    private final Labels labels;

    KldbArea(String digits, String labelDe, String labelEn) {
        this.digits = digits;
        this.labels = new Labels(labelDe, labelEn);
    }

    /** The area's two digits, e.g. {@code 43}. */
    public String digits() {
        return digits;
    }

    public static Optional<KldbArea> ofDigits(String digits) {
        return Optional.ofNullable(BY_DIGITS.get(digits));
    }

    @Override
    public Labels labels() {
        return labels;
    }
}
