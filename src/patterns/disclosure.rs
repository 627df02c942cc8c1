//! Disclosure tables (read by `clutter`): affiliate and commission notices,
//! and the words that tell a consent notice from prose under a class that
//! only looks like one. Same languages and spelling as
//! [`super::clutter_words`].

/// Affiliate words. They mark a disclosure beside an
/// [`AFFILIATE_SENSE_CUES`] word or in a label-length block: alone in a
/// sentence they are as often the other sense ("researchers affiliated with
/// the institute", "the network's affiliates"), which is article prose.
pub const AFFILIATE_CUES: &[&str] = &[
    "affiliate",
    "affiliation",
    "affiliazione",
    "afiliad",
    "partnerlink",
    "партнерськ",
    "партнерск",
];

/// Words that give an [`AFFILIATE_CUES`] word its link sense: links and
/// programmes, in the languages of the affiliate words ("affiliate links",
/// "Affiliate-Links", "liens d'affiliation", "enlaces de afiliado",
/// "партнерські посилання", "affiliate programme").
pub const AFFILIATE_SENSE_CUES: &[&str] = &[
    "link",
    "länk",
    "lien",
    "enlace",
    "ligaç",
    "collegament",
    "odkaz",
    "odnośnik",
    "посилан",
    "ссылк",
    "program",
    "партнерськ",
    "партнерск",
];

/// Longest block in which an [`AFFILIATE_CUES`] word alone marks a
/// disclosure: a label ("Affiliate", "* Affiliate disclosure"), not a
/// sentence.
pub const AFFILIATE_LABEL_MAX: usize = 40;

/// Words a cookie or consent notice says what it asks about with: cookies,
/// consent, privacy, tracking, in the languages of the text-cue tables. A
/// box whose class names it a consent box, but which holds running prose
/// without one of these, is the article's (a component framework's prefix
/// can be a consent word).
pub const CONSENT_TOPIC_CUES: &[&str] = &[
    "cookie",
    "consent",
    "privacy",
    "tracking",
    "tracker",
    "gdpr",
    "datenschutz",
    "einwillig",
    "zustimm",
    "dsgvo",
    "traceur",
    "confidentialit",
    "consentement",
    "rgpd",
    "privacidad",
    "consentimiento",
    "privacidade",
    "consentiment",
    "riservatezza",
    "consenso",
    "toestemming",
    "згод",
    "конфіденційн",
    "согласи",
    "конфиденциальн",
    "ملفات تعريف الارتباط",
    "الخصوصية",
    "کوکی",
    "حریم خصوصی",
    "עוגיות",
    "פרטיות",
    "隐私",
    "隱私",
    "クッキー",
    "プライバシー",
    "쿠키",
    "개인정보",
    "कुकी",
    "गोपनीयता",
    "কুকি",
    "privasi",
    "quyền riêng tư",
    "คุกกี้",
    "ความเป็นส่วนตัว",
    "çerez",
    "gizlilik",
    "ciasteczk",
    "prywatnoś",
    "zgod",
    "souhlas",
    "soukrom",
    "kakor",
    "samtycke",
    "integritet",
];

/// Money words of a disclosure ("we earn a commission"), which need a
/// [`PURCHASE_CUES`] word beside them.
pub const COMMISSION_CUES: &[&str] = &[
    "commission",
    "small fee",
    "provision",
    "comisión",
    "commissione",
    "comissão",
    "commissie",
    "комісі",
    "комисси",
];

/// Purchase words of a disclosure.
pub const PURCHASE_CUES: &[&str] = &[
    "buy",
    "purchase",
    "kauf",
    "achat",
    "achet",
    "compra",
    "acquist",
    "koop",
    "купу",
    "покуп",
];
