//! Short sentences of a page's furniture left in the body (read by
//! `clutter`, with [`super::SENTENCE_CUES`] as one table): a prompt to
//! report an error, an old article's age warning, a share button's
//! "link copied" toast, a news-tip line and a "have your say" prompt. Each is
//! written as only furniture writes it: a question to the reader ("Spotted
//! an error?"), a notice about "this article", a toast; never words a
//! story uses ("Police spotted an error in the records"). Lowercase, as
//! folded by `text::fold_cue_text`.

use super::ClutterKind;

/// Furniture sentences with their kind, matched as substrings of blocks of
/// at most `CUE_TEXT_MAX` characters.
pub const FURNITURE_CUES: &[(&str, ClutterKind)] = &[
    // Corrections prompts: questions to the reader.
    ("spotted an error?", ClutterKind::Feedback),
    ("spotted a mistake?", ClutterKind::Feedback),
    ("spotted a typo?", ClutterKind::Feedback),
    ("found an error?", ClutterKind::Feedback),
    ("found a mistake?", ClutterKind::Feedback),
    ("found a typo?", ClutterKind::Feedback),
    ("notice an error?", ClutterKind::Feedback),
    ("noticed an error?", ClutterKind::Feedback),
    ("see an error?", ClutterKind::Feedback),
    ("fehler gefunden?", ClutterKind::Feedback),
    ("fehler entdeckt?", ClutterKind::Feedback),
    ("haben sie einen fehler entdeckt", ClutterKind::Feedback),
    ("haben sie einen fehler gefunden", ClutterKind::Feedback),
    ("vous avez repéré une erreur", ClutterKind::Feedback),
    ("vous avez remarqué une erreur", ClutterKind::Feedback),
    ("has visto un error", ClutterKind::Feedback),
    ("has encontrado un error", ClutterKind::Feedback),
    ("encontraste un error", ClutterKind::Feedback),
    ("hai trovato un errore", ClutterKind::Feedback),
    ("hai notato un errore", ClutterKind::Feedback),
    ("encontrou um erro?", ClutterKind::Feedback),
    ("viu um erro?", ClutterKind::Feedback),
    ("fout gezien?", ClutterKind::Feedback),
    ("fout gevonden?", ClutterKind::Feedback),
    ("zauważyłeś błąd", ClutterKind::Feedback),
    ("znalazłeś błąd", ClutterKind::Feedback),
    ("bir hata mı gördünüz", ClutterKind::Feedback),
    ("нашли ошибку?", ClutterKind::Feedback),
    ("помітили помилку?", ClutterKind::Feedback),
    // An old article's age warning.
    ("this article is more than", ClutterKind::Meta),
    ("this article is over", ClutterKind::Meta),
    ("dieser artikel ist älter als", ClutterKind::Meta),
    ("dieser artikel ist mehr als", ClutterKind::Meta),
    ("cet article date de plus de", ClutterKind::Meta),
    ("cet article a plus de", ClutterKind::Meta),
    ("este artículo tiene más de", ClutterKind::Meta),
    ("questo articolo ha più di", ClutterKind::Meta),
    ("este artigo tem mais de", ClutterKind::Meta),
    ("dit artikel is meer dan", ClutterKind::Meta),
    // A share button's toast.
    ("link copied", ClutterKind::Share),
    ("copied to clipboard", ClutterKind::Share),
    ("link kopiert", ClutterKind::Share),
    ("in die zwischenablage kopiert", ClutterKind::Share),
    ("lien copié", ClutterKind::Share),
    ("enlace copiado", ClutterKind::Share),
    ("link copiato", ClutterKind::Share),
    ("link copiado", ClutterKind::Share),
    ("link gekopieerd", ClutterKind::Share),
    ("link skopiowany", ClutterKind::Share),
    ("bağlantı kopyalandı", ClutterKind::Share),
    ("ссылка скопирована", ClutterKind::Share),
    ("посилання скопійовано", ClutterKind::Share),
    // A news-tip line.
    ("got a story?", ClutterKind::AuthorContact),
    ("have a story?", ClutterKind::AuthorContact),
    // A share prompt written out.
    ("share this story with", ClutterKind::Share),
    ("share this article with", ClutterKind::Share),
    ("got a news tip", ClutterKind::AuthorContact),
    ("have a news tip", ClutterKind::AuthorContact),
    ("have a story we should", ClutterKind::AuthorContact),
    ("have a story idea?", ClutterKind::AuthorContact),
    ("send us a tip", ClutterKind::AuthorContact),
    ("send us your tips", ClutterKind::AuthorContact),
    ("send us a news tip", ClutterKind::AuthorContact),
    (
        "haben sie einen hinweis für die redaktion",
        ClutterKind::AuthorContact,
    ),
    ("hinweise an die redaktion", ClutterKind::AuthorContact),
    ("vous avez une info ?", ClutterKind::AuthorContact),
    ("¿tienes una noticia?", ClutterKind::AuthorContact),
    ("hai una notizia?", ClutterKind::AuthorContact),
    ("tem uma notícia?", ClutterKind::AuthorContact),
    // A prompt to comment, as furniture words it. An author's own closing
    // ("What do you think? Let us know in the comments") is the article's.
    ("have your say in the comments", ClutterKind::Comments),
];

/// The home page as the first step of a breadcrumb trail (a whole step,
/// folded): "Home › News", "Startseite / Politik".
pub const BREADCRUMB_HOMES: &[&str] = &[
    "home",
    "homepage",
    "home page",
    "start",
    "startseite",
    "accueil",
    "inicio",
    "início",
    "portada",
    "pagina iniziale",
    "strona główna",
    "úvod",
    "hem",
    "acasă",
    "anasayfa",
    "ana sayfa",
    "главная",
    "головна",
    "الرئيسية",
    "صفحه اصلی",
    "דף הבית",
    "首页",
    "首頁",
    "ホーム",
    "홈",
    "होम",
    "হোম",
    "beranda",
    "trang chủ",
    "หน้าแรก",
];
