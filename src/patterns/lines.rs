//! Tables of the page furniture lines the clutter classifier drops
//! standing alone: photo credits and date lines (read by `clutter`). Same
//! languages and spelling as [`super::clutter_words`]; a label may be
//! followed by an ASCII or a full-width colon ("写真：…").

/// Labels that open a photo credit line ("Foto: …", "Photograph by …"),
/// followed by a colon or by "by", "via", "von", "de".
pub const CREDIT_LABELS: &[&str] = &[
    "foto",
    "fotos",
    "fotografie",
    "photo",
    "photos",
    "photograph",
    "photography",
    "picture",
    "image",
    "images",
    "imagen",
    "imagem",
    "immagine",
    "bild",
    "bilder",
    "titelbild",
    "beitragsbild",
    "credit",
    "credits",
    "photo credit",
    "photo credits",
    "image credit",
    "image credits",
    "picture credit",
    "picture credits",
    "crédit photo",
    "crédits photo",
    "crédits photos",
    "crédito",
    "créditos",
    "zdjęcie",
    "fot.",
    "źródło zdjęcia",
    "fotoğraf",
    "görsel",
    "ảnh",
    "รูปภาพ",
    "사진",
    "写真",
    "图片",
    "图",
    "صورة",
    "عکس",
    "צילום",
    "फ़ोटो",
    "ছবি",
    "تصوير",
    "الصورة",
    "مصدر الصورة",
    "تصویر",
    "منبع تصویر",
    "عکاس",
    "קרדיט",
    "צילומים",
    "图片来源",
    "圖片來源",
    "圖片",
    "圖",
    "摄影",
    "攝影",
    "图源",
    "圖源",
    "撮影",
    "画像",
    "写真提供",
    "사진 제공",
    "그래픽",
    "자료사진",
    "फोटो",
    "तस्वीर",
    "फोटो साभार",
    "चित्र",
    "ছবি সংগৃহীত",
    "sumber foto",
    "sumber gambar",
    "gambar",
    "ilustrasi",
    "ảnh minh họa",
    "nguồn ảnh",
    "ภาพ",
    "ภาพจาก",
    "ที่มาภาพ",
    "เครดิตภาพ",
    "ilustracja",
    "ilustrační foto",
    "snímek",
    "sursa foto",
    "sursă foto",
    "imagine",
    "beeld",
    "foto's",
    "fotografía",
    "fotografia",
    "fotografias",
    "fotografie di",
    "zdjęcia",
    "copyright",
    "photographer",
    "fotograf",
    "fotógrafo",
    "photographe",
    "fotografo",
    "bildquelle",
    "bildnachweis",
    "fotonachweis",
    "bildrechte",
    "crédit",
    "crédits",
    "screenshot",
    "screenshots",
    "illustration",
    "illustrations",
    "zeichnung",
    "zeichnungen",
];

/// [`CREDIT_LABELS`] labels that only ever credit who took a picture
/// ("Foto: Ann Lee", and so "Fotos:", "Photo credit:"): a caption's tail
/// opened by one goes even with a single name after it. "Bild: Ann Lee"
/// or "Image: Ann Lee" may name who is pictured, and stay.
pub const PHOTOGRAPHER_LABELS: &[&str] = &[
    "foto",
    "fot.",
    "photo",
    "fotografía",
    "fotografia",
    "photograph",
    "image credit",
];

/// Labels that name where a picture, a chart or a report came from
/// ("Quelle: Statistisches Amt", "Źródło: PAP"). Unlike a
/// [`CREDIT_LABELS`] label, one is a credit only with a colon and a name
/// after it: "Source of the river" or "Fuente de datos" open sentences.
pub const SOURCE_LABELS: &[&str] = &[
    "source",
    "quelle",
    "textquelle",
    "fuente",
    "fonte",
    "źródło",
    "bron",
    "sursa",
    "kaynak",
    "zdroj",
    "källa",
];

/// Words after a [`CREDIT_LABELS`] label that make the line a credit.
pub const CREDIT_JOINERS: &[&str] = &[
    "by", "via", "von", "de", "par", "di", "door", "از", "oleh", "bởi",
];

/// Picture agencies and stock libraries whose name alone, inside a
/// picture's caption, is its credit ("Shutterstock", "Getty Images").
/// Lowercase; names, so the same in every language.
pub const PICTURE_AGENCIES: &[&str] = &[
    "shutterstock",
    "getty images",
    "gettyimages",
    "istock",
    "istockphoto",
    "adobe stock",
    "alamy",
    "pixabay",
    "unsplash",
    "pexels",
    "clipdealer",
    "imago",
    "imago images",
    "picture alliance",
    "picture-alliance",
    "dpa",
    "afp",
    "ap",
    "epa",
    "efe",
    "reuters",
    "ansa",
    "keystone",
    "xinhua",
    "anadolu",
    "europa press",
    "ap photo",
    "afp photo",
    "getty",
    "stock.adobe.com",
    "adobestock",
    "fotolia",
    "dreamstime",
    "depositphotos",
    "123rf",
    "colourbox",
    "pixelio",
    "pixelio.de",
    "picturedesk",
    "picturedesk.com",
    "wikimedia commons",
    "ddp",
    "sid",
    "kna",
    "epd",
    "apa",
    "anp",
    "belga",
    "pap",
    "ansa foto",
    "kyodo",
    "yonhap",
    "tass",
    "nurphoto",
    "sipa",
    "abaca",
    "zuma",
    "zuma press",
    "bloomberg",
];

/// A picture's credit that names no one: the picture is free of rights
/// ("/ public domain" after a caption). Lowercase.
pub const FREE_PICTURE_CREDITS: &[&str] = &[
    "public domain",
    "gemeinfrei",
    "domaine public",
    "dominio público",
    "dominio pubblico",
    "domínio público",
    "publiek domein",
    "domena publiczna",
    "volné dílo",
];

/// Class words (prefixes) of an element that holds a picture's caption,
/// for a credit at the end of its text.
pub const CAPTION_CLASS_WORDS: &[&str] = &["caption", "legend", "bildunterschrift"];

/// Fewest characters of a caption that stays when a credit is cut from its
/// end: less, and what is left is no caption (a lone word before the
/// credit stays with it, but for a credit opened by "©").
pub const CAPTION_MIN: usize = 20;

/// Longest text of a block read as a picture's caption, for a credit at its
/// end: longer, it is article text.
pub const CAPTION_TEXT_MAX: usize = 500;

/// Class words (prefixes) of an element holding a picture's credit inside
/// its caption.
pub const CREDIT_CLASS_WORDS: &[&str] = &["credit", "copyright", "photographer", "fotograf"];

/// Words of a line that asks for a click on its link ("by clicking here").
pub const CLICK_HERE_CUES: &[&str] = &[
    "click here",
    "clicking here",
    "hier klicken",
    "klicken sie hier",
    "cliquez ici",
    "haga clic aquí",
    "haz clic aquí",
    "clicca qui",
    "clique aqui",
    "klik hier",
    "kliknij tutaj",
];

/// Longest text of one teaser card (a headline and a kicker) under a
/// related-stories title.
pub const TEASER_LINE_MAX: usize = 150;

/// Longest photo credit line.
pub const CREDIT_MAX: usize = 80;

/// Labels that open a date line ("Aktualisiert: 11.04.2020, 10:27"),
/// followed by a colon; the line also holds a digit.
pub const DATE_LINE_LABELS: &[&str] = &[
    "published",
    "first published",
    "updated",
    "last updated",
    "modified",
    "last modified",
    "posted",
    "veröffentlicht",
    "aktualisiert",
    "publiziert",
    "stand",
    "erstellt",
    "publié",
    "mis à jour",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
    "atualizado",
    "gepubliceerd",
    "bijgewerkt",
    "publikacja",
    "aktualizacja",
    "yayınlanma",
    "güncelleme",
    "diterbitkan",
    "diperbarui",
    "cập nhật",
    "опубліковано",
    "оновлено",
    "опубликовано",
    "обновлено",
    "نشر",
    "تحديث",
    "منتشر شده",
    "פורסם",
    "发布",
    "更新",
    "公開",
    "게시",
    "수정",
    "प्रकाशित",
    "প্রকাশিত",
    "تاريخ النشر",
    "نشر في",
    "نشر بتاريخ",
    "آخر تحديث",
    "تم النشر",
    "تم التحديث",
    "تاریخ انتشار",
    "زمان انتشار",
    "انتشار",
    "به‌روزرسانی",
    "به روز رسانی",
    "آخرین به‌روزرسانی",
    "آخرین به روز رسانی",
    "עודכן",
    "עדכון אחרון",
    "תאריך פרסום",
    "发布时间",
    "發布時間",
    "發佈時間",
    "发表时间",
    "發表時間",
    "发表于",
    "發表於",
    "更新时间",
    "更新時間",
    "发布日期",
    "發布日期",
    "公開日",
    "公開日時",
    "更新日",
    "更新日時",
    "投稿日",
    "配信日",
    "掲載日",
    "最終更新",
    "입력",
    "업데이트",
    "기사입력",
    "최종수정",
    "승인",
    "등록",
    "발행",
    "अपडेट",
    "अपडेटेड",
    "पब्लिश्ड",
    "प्रकाशित तिथि",
    "अंतिम अपडेट",
    "আপডেট",
    "প্রকাশ",
    "হালনাগাদ",
    "সর্বশেষ আপডেট",
    "প্রকাশের সময়",
    "dipublikasikan",
    "terbit",
    "diunggah",
    "pembaruan terakhir",
    "đăng",
    "đăng lúc",
    "ngày đăng",
    "xuất bản",
    "cập nhật lúc",
    "thời gian đăng",
    "เผยแพร่",
    "อัปเดต",
    "อัพเดท",
    "อัปเดตล่าสุด",
    "โพสต์",
    "yayınlanma tarihi",
    "yayın tarihi",
    "güncellenme",
    "güncellenme tarihi",
    "güncelleme tarihi",
    "son güncelleme",
    "giriş tarihi",
    "oluşturulma",
    "opublikowano",
    "zaktualizowano",
    "data publikacji",
    "data aktualizacji",
    "dodano",
    "publikováno",
    "aktualizováno",
    "vydáno",
    "datum publikace",
    "poslední aktualizace",
    "publicerad",
    "uppdaterad",
    "publicerat",
    "uppdaterat",
    "senast uppdaterad",
    "publicat",
    "actualizat",
    "data publicării",
    "ultima actualizare",
    "publicat la",
    "actualizat la",
];

/// Date-line labels that pages also write with the date right after them,
/// no colon between ("Updated 5:27 am CST", "입력 2024.05.03 10:30"): words
/// that hardly open a sentence of an article followed by a number.
pub const DATE_LINE_BARE_LABELS: &[&str] = &[
    "published",
    "first published",
    "updated",
    "last updated",
    "modified",
    "last modified",
    "posted",
    "veröffentlicht",
    "aktualisiert",
    "publié le",
    "mis à jour le",
    "publié il y a",
    "mis à jour il y a",
    "publicado el",
    "actualizado el",
    "publicado hace",
    "actualizado hace",
    "pubblicato il",
    "aggiornato il",
    "pubblicato",
    "aggiornato",
    "atualizado em",
    "publicado em",
    "publicado há",
    "atualizado há",
    "veröffentlicht vor",
    "aktualisiert vor",
    "gepubliceerd op",
    "bijgewerkt op",
    "opublikowano",
    "zaktualizowano",
    "diperbarui",
    "diterbitkan",
    "cập nhật",
    "입력",
    "수정",
    "업데이트",
    "기사입력",
    "최종수정",
    "опубліковано",
    "оновлено",
    "опубликовано",
    "обновлено",
];

/// Longest date line.
pub const DATE_LINE_MAX: usize = 60;

/// Longest line that is only a date ("16 marca 2021", "4 de mayo de 2022 -
/// 00:38"): numbers, a year among them, and at most
/// [`BARE_DATE_MAX_WORDS`] words of three letters or more (a month, a
/// weekday).
pub const BARE_DATE_MAX: usize = 40;

/// Most words of three letters or more in a line that is only a date.
pub const BARE_DATE_MAX_WORDS: usize = 2;

/// Most characters of a script written without spaces (Chinese, Japanese,
/// Thai…) in a line that is only a date ("年", "月", "日", "時").
pub const BARE_DATE_MAX_UNSPACED: usize = 4;

/// Elements that make a block holding a credit or date line the picture's
/// own (its caption), which stays.
pub const CAPTIONED_MEDIA: &[&str] = &["img", "picture", "figure", "figcaption", "video", "svg"];

/// Largest width and height (CSS pixels) of an `<svg>` that is an icon
/// beside a line's text, not a picture the line captions.
pub const ICON_MAX_PX: f32 = 48.0;

/// Most words of an author's name standing as a list item beside the
/// publication time ("Ann Marie van der Berg").
pub const AUTHOR_NAME_MAX_WORDS: usize = 5;

/// Labels that open a line of tag or category links ("Tags: <a>…</a>,
/// <a>…</a>", "Themen: …", "Kategorie: <a>News</a>"), followed by a colon.
/// The line goes only when the links make most of it: "Kategorie:
/// Kinderbuch" in an awards list, unlinked, is the article's.
pub const TAG_LINE_LABELS: &[&str] = &[
    "tags",
    "tag",
    "topics",
    "topic",
    "categories",
    "category",
    "filed under",
    "posted in",
    "themen",
    "thema",
    "schlagwörter",
    "schlagworte",
    "stichwörter",
    "kategorie",
    "kategorien",
    "rubrik",
    "mots-clés",
    "étiquettes",
    "thèmes",
    "catégorie",
    "catégories",
    "rubrique",
    "etiquetas",
    "temas",
    "categoría",
    "categorías",
    "sección",
    "argomenti",
    "categoria",
    "categorie",
    "tópicos",
    "onderwerpen",
    "trefwoorden",
    "rubriek",
    "tagi",
    "kategoria",
    "etiketler",
    "kategori",
    "label",
    "теги",
    "метки",
    "рубрика",
    "категория",
    "теми",
    "мітки",
    "категорія",
];

/// Extensions of a page's address (the rest name files: a report's PDF,
/// a picture), lowercase, without the dot.
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "shtml", "php", "asp", "aspx", "jsp"];

/// Fewest words, joined by hyphens or underscores, in the last part of the
/// address of a story ("timeline-of-the-ferry-strike"): a section's address
/// ("/news", "/sport") has one or two.
pub const STORY_SLUG_MIN_WORDS: usize = 3;

/// Fewest words of a lone link line that names another story: a headline,
/// not a label ("Home", "Our team").
pub const STORY_LINK_MIN_WORDS: usize = 4;

/// Longest line of tag or category links.
pub const TAG_LINE_MAX: usize = 300;
