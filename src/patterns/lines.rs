//! Tables of the page furniture lines the clutter classifier drops
//! standing alone: photo credits and date lines (read by `clutter`).

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
];

/// Words after a [`CREDIT_LABELS`] label that make the line a credit.
pub const CREDIT_JOINERS: &[&str] = &["by", "via", "von", "de", "par", "di", "door"];

/// Class words (prefixes) of an element holding a picture's credit inside
/// its caption.
pub const CREDIT_CLASS_WORDS: &[&str] = &["credit", "copyright", "photographer", "fotograf"];

/// Longest text of one teaser card (a headline and a kicker) under a
/// related-stories title.
pub const TEASER_LINE_MAX: usize = 150;

/// Longest photo credit line.
pub const CREDIT_MAX: usize = 80;

/// Labels that open a date line ("Aktualisiert: 11.04.2020, 10:27"),
/// followed by a colon; the line also holds a digit.
pub const DATE_LINE_LABELS: &[&str] = &[
    "published",
    "updated",
    "last updated",
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
];

/// Longest date line.
pub const DATE_LINE_MAX: usize = 60;

/// Elements that make a block holding a credit or date line the picture's
/// own (its caption), which stays.
pub const CAPTIONED_MEDIA: &[&str] = &["img", "picture", "figure", "figcaption", "video", "svg"];
