//! Stray lines inside a news story in Spanish, French, Polish, Portuguese
//! and Italian (issue 19's held-out kinds beyond English and German), on
//! pages of our own prose: a publication's appeal to subscribe, become a
//! member, donate, join its channel or get its app, a "click here to
//! subscribe" line, an inbox promise, a note on the issue the piece first
//! appeared in and a relative date line must go between the story's
//! paragraphs, as a `<p>`, a link line or a `<div>`, while every paragraph
//! of the story stays, and so do paragraphs that only speak of
//! subscriptions, members, channels or donations.

mod common;

use quire::{explain, Options};

/// A six-paragraph story about a footbridge in each language.
const STORIES: [(&str, [&str; 6]); 5] = [
    (
        "es",
        [
            "El ayuntamiento de Valdeserra aprobó el martes por la noche la reconstrucción del viejo puente de madera sobre el río Ebrón, poniendo fin a una disputa que dividió al pueblo durante casi tres años.",
            "Los ingenieros ya habían advertido en 2021 que la pasarela se pudría por debajo, y el puente se cerró a los ciclistas la primavera siguiente, después de que un tablón cediera bajo un repartidor.",
            "Los vecinos de la orilla este, muchos de ellos mayores, dicen que el cierre convirtió un paseo de cinco minutos hasta la farmacia en un viaje de cuarenta minutos en autobús por la circunvalación.",
            "El nuevo diseño conserva los pilares de piedra originales pero sustituye el tablero por madera laminada de alerce, que según la constructora debería durar sesenta años con un mantenimiento modesto.",
            "Los opositores sostienen que el dinero estaría mejor invertido en las defensas contra las inundaciones río abajo, donde el agua se desbordó dos veces el invierno pasado y anegó una hilera de tiendas.",
            "Las obras empezarán en marzo y el puente debería reabrir antes del curso de otoño, según el ayuntamiento, aunque advirtió de que una primavera lluviosa podría retrasar el calendario varias semanas.",
        ],
    ),
    (
        "fr",
        [
            "Le conseil municipal de Vallerose a voté mardi soir la reconstruction de la vieille passerelle sur la Marne-Basse, mettant fin à une querelle qui divisait la commune depuis près de trois ans.",
            "Les ingénieurs avaient averti dès 2021 que le tablier en bois pourrissait par-dessous, et la passerelle a été fermée aux cyclistes le printemps suivant après qu'une planche a cédé sous un livreur.",
            "Les habitants de la rive est, souvent âgés, racontent que la fermeture a transformé une promenade de cinq minutes jusqu'à la pharmacie en un trajet de quarante minutes en bus par la rocade.",
            "Le nouveau projet conserve les piles de pierre d'origine mais remplace le tablier par du mélèze lamellé-collé, qui devrait durer soixante ans avec un entretien modeste selon l'entreprise.",
            "Les opposants estiment que l'argent serait mieux employé pour les digues en aval, où la rivière est sortie de son lit deux fois l'hiver dernier et a inondé une rangée de commerces.",
            "Les travaux doivent commencer en mars et la passerelle devrait rouvrir avant la rentrée, selon la mairie, qui prévient qu'un printemps pluvieux pourrait retarder le chantier de plusieurs semaines.",
        ],
    ),
    (
        "pl",
        [
            "Rada miasta Borowice zdecydowała we wtorek wieczorem o odbudowie starej kładki nad rzeką Mrożą, kończąc spór, który dzielił mieszkańców przez prawie trzy lata i kosztował dwóch radnych mandaty.",
            "Inżynierowie ostrzegali już w 2021 roku, że drewniany pomost gnije od spodu, a kładkę zamknięto dla rowerzystów następnej wiosny, gdy deska pękła pod kurierem, który skończył na siniaku.",
            "Mieszkańcy wschodniego brzegu, w większości starsi, mówią, że zamknięcie zamieniło pięciominutowy spacer do apteki w czterdziestominutową podróż autobusem przez obwodnicę miasta.",
            "Nowy projekt zachowuje kamienne filary, ale zastępuje pomost klejonym drewnem modrzewiowym, które według wykonawcy powinno przetrwać sześćdziesiąt lat przy niewielkiej konserwacji.",
            "Przeciwnicy twierdzą, że pieniądze lepiej byłoby wydać na wały przeciwpowodziowe poniżej miasta, gdzie rzeka dwa razy wylała zeszłej zimy i zalała rząd sklepów przy rynku.",
            "Prace mają ruszyć w marcu, a kładka powinna zostać otwarta przed jesienią, poinformował urząd, zastrzegając, że deszczowa wiosna może opóźnić harmonogram o kilka tygodni.",
        ],
    ),
    (
        "pt",
        [
            "A câmara municipal de Vale Rosado aprovou na terça-feira à noite a reconstrução da velha ponte pedonal sobre o rio Mourão, pondo fim a uma disputa que dividiu a vila durante quase três anos.",
            "Os engenheiros tinham avisado em 2021 que o tabuleiro de madeira apodrecia por baixo, e a ponte foi fechada aos ciclistas na primavera seguinte, depois de uma tábua ceder debaixo de um estafeta.",
            "Os moradores da margem leste, muitos deles idosos, dizem que o encerramento transformou um passeio de cinco minutos até à farmácia numa viagem de quarenta minutos de autocarro pela circular.",
            "O novo projeto mantém os pilares de pedra originais mas substitui o tabuleiro por madeira lamelada de lariço, que segundo o empreiteiro deverá durar sessenta anos com uma manutenção modesta.",
            "Os opositores defendem que o dinheiro seria mais bem gasto nas defesas contra cheias a jusante, onde o rio transbordou duas vezes no inverno passado e inundou uma fila de lojas.",
            "As obras devem começar em março e a ponte deverá reabrir antes do outono, disse a câmara, avisando que uma primavera chuvosa poderá atrasar o calendário em várias semanas.",
        ],
    ),
    (
        "it",
        [
            "Il consiglio comunale di Valrosa ha approvato martedì sera la ricostruzione della vecchia passerella sul fiume Merlo, chiudendo una disputa che divideva il paese da quasi tre anni.",
            "Gli ingegneri avevano avvertito già nel 2021 che l'impalcato di legno marciva dal basso, e la passerella fu chiusa ai ciclisti la primavera successiva, quando un'asse cedette sotto un fattorino.",
            "Gli abitanti della riva est, molti dei quali anziani, raccontano che la chiusura ha trasformato una passeggiata di cinque minuti fino alla farmacia in un viaggio di quaranta minuti in autobus.",
            "Il nuovo progetto conserva le pile di pietra originali ma sostituisce l'impalcato con legno lamellare di larice, che secondo l'impresa dovrebbe durare sessant'anni con una manutenzione modesta.",
            "Gli oppositori sostengono che il denaro sarebbe speso meglio per gli argini a valle, dove il fiume è esondato due volte lo scorso inverno allagando una fila di negozi.",
            "I lavori dovrebbero iniziare a marzo e la passerella riaprire prima dell'autunno, ha detto il comune, avvertendo che una primavera piovosa potrebbe far slittare il calendario di alcune settimane.",
        ],
    ),
];

/// The story of `lang`.
fn story(lang: &str) -> &'static [&'static str; 6] {
    &STORIES
        .iter()
        .find(|(l, _)| *l == lang)
        .expect("a story in that language")
        .1
}

/// A news page in `lang` with `inserts` between the third and fourth
/// paragraphs.
fn page(lang: &str, inserts: &str) -> String {
    let body = common::story_body(story(lang), inserts);
    format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>Puente | Heraldo del Valle</title></head><body>
<header><nav><a href="/">1</a> <a href="/n">2</a> <a href="/d">3</a></nav></header>
<main><article><h1>El puente del pueblo se reconstruirá tras tres años de disputa</h1>
<p class="byline">Mara Quist</p><div class="story-body">
{body}</div></article></main>
<footer><p>© 2026 Heraldo del Valle</p></footer></body></html>"#
    )
}

/// The text of the story in `lang` with `inserts`, after checking that the
/// whole story is there.
fn text_with(lang: &str, inserts: &str) -> String {
    common::text_keeping(
        &page(lang, inserts),
        "https://heraldo.example/puente",
        story(lang),
        &format!("{lang}: {inserts}"),
    )
}

/// `line` in the three shapes of [`common::line_shapes`], its link on this
/// story's site.
fn shapes(line: &str) -> [String; 3] {
    common::line_shapes(line, "https://heraldo.example/x")
}

/// Asserts that each of `lines` goes in every shape from the story in
/// `lang`.
fn all_go(lang: &str, lines: &[&str]) {
    for line in lines {
        for html in shapes(line) {
            let text = text_with(lang, &html);
            assert!(!text.contains(line), "{lang}: {html} kept: {text}");
        }
    }
}

/// Asserts that each of `paragraphs` stays in the story in `lang`.
fn all_stay(lang: &str, paragraphs: &[&str]) {
    for p in paragraphs {
        let text = text_with(lang, &format!("<p>{p}</p>"));
        assert!(text.contains(p), "{lang}: lost {p}: {text}");
    }
}

#[test]
fn spanish_appeal_and_furniture_lines_go() {
    all_go(
        "es",
        &[
            "Haz clic aquí para suscribirte al boletín del Heraldo del Valle",
            "Suscríbete al canal del Heraldo en YouTube para ver más reportajes.",
            "¿Quieres más noticias locales? Hazte suscriptor de nuestra revista hermana, La Gaceta del Monte.",
            "Apoya el periodismo independiente: hazte socio del Heraldo desde 3 euros al mes.",
            "El periodismo de calidad cuesta dinero. Si te gusta lo que hacemos, haz una donación.",
            "Descarga nuestra aplicación para iOS y Android.",
            "Publicado hace 2 horas",
            "Este artículo se publicó en el número 7 de la revista Heraldo, a la venta desde el 20 de junio.",
        ],
    );
    all_stay(
        "es",
        &[
            "Apoya la propuesta la mayoría de los vecinos de la orilla este, según una encuesta del propio ayuntamiento.",
            "El alcalde explicó el proyecto en un vídeo publicado en el canal de YouTube del ayuntamiento, que ya suma miles de visitas.",
            "La asociación de vecinos, que cuenta con más de trescientos socios, recogió donaciones para pagar el informe de los ingenieros.",
        ],
    );
}

#[test]
fn french_appeal_and_furniture_lines_go() {
    all_go(
        "fr",
        &[
            "Recevez chaque matin l'essentiel de l'info directement dans votre boîte mail.",
            "Cliquez ici pour vous abonner à la lettre d'information du Courrier de la Vallée",
            "Abonnez-vous à la chaîne YouTube du Courrier pour plus de reportages.",
            "Envie de plus d'actualité locale ? Abonnez-vous à notre magazine partenaire, L'Écho des Monts.",
            "Soutenez une presse indépendante : faites un don au Courrier dès 5 euros.",
            "Devenez membre du Courrier et accédez à tous nos articles.",
            "Téléchargez notre application pour iOS et Android.",
            "Rejoignez notre chaîne WhatsApp",
            "Publié il y a 3 heures",
            "Cet article est paru dans le numéro 7 du Courrier Magazine, en kiosque depuis le 20 juin.",
        ],
    );
    all_stay(
        "fr",
        &[
            "Soutenez-vous le projet ? a demandé le maire aux habitants réunis dans la salle des fêtes.",
            "Plusieurs habitants se sont abonnés à la chaîne de la mairie pour suivre les travaux en direct.",
        ],
    );
}

#[test]
fn polish_appeal_lines_go() {
    all_go(
        "pl",
        &[
            "Zapisz się do naszego newslettera i otrzymuj najważniejsze informacje każdego ranka.",
            "Otrzymuj najnowsze wiadomości prosto na swoją skrzynkę e-mail.",
            "Kliknij tutaj, aby zapisać się do newslettera Kuriera Doliny",
            "Subskrybuj kanał Kuriera na YouTube, aby zobaczyć więcej reportaży.",
            "Wesprzyj niezależne dziennikarstwo – przekaż darowiznę na rzecz Kuriera.",
            "Zostań członkiem klubu Kuriera i czytaj bez ograniczeń.",
            "Pobierz naszą aplikację na iOS i Androida.",
            "Dołącz do naszego kanału na WhatsAppie",
        ],
    );
    all_stay(
        "pl",
        &[
            "Wesprzyj nas w tej sprawie – apelowali mieszkańcy do radnych podczas wtorkowej sesji.",
            "Kanał urzędu na YouTube transmitował sesję rady na żywo, a nagranie obejrzało kilka tysięcy osób.",
        ],
    );
}

#[test]
fn portuguese_and_italian_appeal_lines_go() {
    all_go(
        "pt",
        &[
            "Clique aqui para assinar a newsletter do Diário do Vale",
            "Inscreva-se no canal do Diário no YouTube para ver mais reportagens.",
            "Apoie o jornalismo independente. Faça uma doação ao Diário do Vale.",
            "Torne-se membro do Diário e tenha acesso a todos os artigos.",
            "Baixe o nosso aplicativo para iOS e Android.",
            "Siga o nosso canal no WhatsApp",
            "Publicado há 2 horas",
        ],
    );
    all_stay(
        "pt",
        &["Apoie-se no corrimão, avisou o engenheiro aos vereadores durante a visita à obra."],
    );
    all_go(
        "it",
        &[
            "Ricevi le ultime notizie direttamente nella tua casella di posta.",
            "Clicca qui per iscriverti alla newsletter del Corriere della Valle",
            "Iscriviti al canale YouTube del Corriere per altri reportage.",
            "Sostieni il giornalismo indipendente: fai una donazione al Corriere.",
            "Diventa socio del Corriere e leggi tutti gli articoli senza limiti.",
            "Scarica la nostra app per iOS e Android.",
            "Segui il nostro canale WhatsApp",
            "Pubblicato 2 ore fa",
        ],
    );
    all_stay(
        "it",
        &[
            "Sostieni la scala mentre salgo, disse l'operaio al collega durante il sopralluogo.",
            "Il comune ha pubblicato il video del sopralluogo sul suo canale YouTube.",
        ],
    );
}

#[test]
fn explain_names_the_appeal_rules() {
    let html = page(
        "es",
        "<p>Apoya el periodismo independiente: hazte socio del Heraldo desde 3 euros al mes.</p>",
    );
    let ex = explain(
        &html,
        Some("https://heraldo.example/puente"),
        &Options::default(),
    )
    .unwrap();
    let block = ex
        .blocks
        .iter()
        .find(|b| b.text.starts_with("Apoya el periodismo"))
        .expect("the appeal line is explained");
    assert_eq!(block.decision, "clutter", "{block:?}");
    assert!(
        block.signals.iter().any(|s| s == "appeal-line"),
        "{block:?}"
    );
}
