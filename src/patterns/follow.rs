//! Follow-us tables (read by `clutter`): the platforms a publication asks
//! its readers to follow it on, and the imperatives that open such a line
//! ("Follow the Courier on Google News", "Folgt uns auf Instagram",
//! "Recibe alertas desde Google News"). Lowercase, as folded by
//! `text::fold_cue_text`.

/// Platforms besides [`FOLLOW_NEWS_PLATFORMS`] that a "follow us" line
/// names, matched as whole words. "X" is left out: as a word it names too
/// many other things, and is read as the platform only as a follow line's
/// last word after its preposition ("Follow the Courier on X").
pub const FOLLOW_PLATFORMS: &[&str] = &[
    "youtube",
    "instagram",
    "facebook",
    "tiktok",
    "twitter",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
    "pinterest",
    "snapchat",
    "вконтакте",
    "ютуб",
    "يوتيوب",
    "فيسبوك",
    "إنستغرام",
    "اینستاگرام",
    "توییتر",
    "فیسبوک",
    "یوتیوب",
    "फेसबुक",
    "ट्विटर",
    "इंस्टाग्राम",
    "यूट्यूब",
    "ফেসবুক",
    "ইউটিউব",
    "微博",
    "フェイスブック",
    "インスタグラム",
    "페이스북",
    "인스타그램",
    "유튜브",
];

/// Platforms a publication sends its news through: following one of
/// these is always following the publication ("Recibe alertas desde Google
/// News"), never a step of a how-to ("Follow the tutorial on YouTube").
pub const FOLLOW_NEWS_PLATFORMS: &[&str] = &[
    "google news",
    "google discover",
    "apple news",
    "flipboard",
    "whatsapp",
    "telegram",
    "телеграм",
    "телеграмі",
    "واتساب",
    "تيليجرام",
    "تلغرام",
    "تلگرام",
    "微信",
    "公众号",
];

/// Imperatives that open a follow line and name the publication in
/// themselves ("Folgt uns", "Síguenos", "Join our"): with any platform of
/// [`FOLLOW_PLATFORMS`] they make the line one.
pub const FOLLOW_US_OPENERS: &[&str] = &[
    "get our",
    "join our",
    "find us on",
    "like us on",
    "add us",
    "folgt uns",
    "folgt mir",
    "folge uns",
    "folge mir",
    "folgen sie uns",
    "abonnieren sie unseren",
    "abonniert unseren",
    "abonniere unseren",
    "besuchen sie uns",
    "finden sie uns",
    "suis-nous",
    "suivez-nous",
    "retrouvez-nous",
    "rejoignez-nous",
    "rejoignez notre",
    "abonnez-vous à notre",
    "síguenos",
    "sígannos",
    "siga-nos",
    "únete a nuestro",
    "únete a nuestra",
    "seguici",
    "unisciti al nostro",
    "volg ons",
    "śledź nas",
    "dołącz do nas",
    "bizi takip edin",
    "ikuti kami",
    "подписывайтесь на нас",
    "следите за нами",
    "підписуйтесь на нас",
    "стежте за нами",
    "تابعونا",
];

/// Imperatives that open a follow line without naming who is followed
/// ("Follow the Courier on …", "Recibe alertas desde …"). They open other
/// lines too ("Follow the tutorial on YouTube"), so the line needs more:
/// a platform of [`FOLLOW_NEWS_PLATFORMS`], the site's name, a word of
/// [`super::SELF_WORDS`], or mostly a link. A verb that also opens news
/// sentences is written with what follows it ("sigue a", not "sigue":
/// "Sigue la polémica en Twitter"; no bare "folgt": "Folgt man …").
pub const FOLLOW_OPENERS: &[&str] = &[
    "follow",
    "get the latest",
    "get breaking news",
    "stay up to date",
    "stay updated",
    "stay informed",
    "bleiben sie informiert",
    "bleiben sie auf dem laufenden",
    "suivez",
    "recevez",
    "sigue a",
    "siga a",
    "siga o",
    "recibe",
    "recibí",
    "acompanhe o",
    "acompanhe a",
    "receba",
    "segui il",
    "segui la",
    "ricevi",
    "volg de",
    "volg het",
    "obserwuj",
    "takip edin",
    "ikuti",
    "theo dõi",
    "подпишитесь на",
    "підпишіться на",
    "подписывайтесь на",
    "підписуйтесь на",
    "تابعوا",
];

/// Follow calls set anywhere in the line, in the languages whose verb
/// closes the sentence ("ما را در اینستاگرام دنبال کنید", "हमें फेसबुक पर
/// फॉलो करें", "Bizi Twitter'da takip edin") or whose call has no fixed
/// place ("关注我们的微信公众号"): read as [`FOLLOW_OPENERS`], so the line
/// needs as much more.
pub const FOLLOW_CALLS: &[&str] = &[
    "دنبال کنید",
    "takip edin",
    "फॉलो करें",
    "ফলো করুন",
    "关注我们",
    "關注我們",
    "をフォロー",
    "팔로우하세요",
];

/// Longest follow line: one or two short sentences.
pub const FOLLOW_LINE_MAX: usize = 160;
