//! A publication's appeal for itself inside a story, on a page of our own
//! prose, where no imperative opens the sentence: a conditional or
//! trailing request for support, a donation appeal with bank details, a
//! newsletter plug closed by its sign-up link, a subscriber-only badge
//! and a newsletter's bare label must go between the story's paragraphs,
//! in many languages; while every paragraph of the story stays, and so
//! does prose about donations, subscriptions or someone else's appeal:
//! news of a party's donations, a charity's call quoted or reported, a
//! flood appeal's bank details, a review of a subscription.

mod common;

/// The story: five paragraphs about a town library.
const STORY: [&str; 5] = [
    "The town library of Wexcombe reopened on Saturday after eighteen months of repairs to its roof, which had let in rain over the reading room since the storms of the winter before last.",
    "Volunteers carried some nine thousand books back from the school gym where they had been stored, and the children's corner now sits where the old newspaper racks used to stand.",
    "The council paid for most of the work from its reserves, while a local building firm gave the new windows and a retired joiner rebuilt the oak counter by hand over the summer.",
    "Opening hours stay as they were, but the library will now also open on Thursday evenings, when a reading group and a repair café are to share the back room in turns.",
    "The librarian said she hoped the new heating would bring back the older readers who had stopped coming in the cold months before the roof was mended.",
];

/// The Wexcombe Courier's page of the story, with inserts between the
/// second and third paragraphs.
const PAGE: common::Story = common::Story {
    paragraphs: &STORY,
    at: 2,
    site: "Wexcombe Courier",
    title: "Library reopens",
    heading: "Wexcombe library reopens after roof repairs",
    url: "https://courier.example/library",
};

#[test]
fn an_appeal_for_the_publication_goes_wherever_the_request_stands() {
    for line in [
        "If you want our independent reporting to carry on, please support us with a monthly donation.",
        "Local news costs money, so we need your support: a small contribution keeps the Courier going.",
        "Wenn Ihnen unser unabhängiger Journalismus etwas wert ist, unterstützen Sie uns bitte mit einer Spende!",
        "Weniger Anzeigen, weniger Seiten. Deshalb freuen wir uns über jede Spende!",
        "Spenden könnt ihr per Überweisung auf unser Konto, Stichwort „Courier“.",
        "Um unabhängig zu bleiben, brauchen wir deine Unterstützung.",
        "Darum: Hilf mit und unterstütze unser Magazin mit einem kleinen Beitrag.",
        "Deshalb unterstütze uns (monatlich oder einmalig) und wir schreiben weiter über die Stadt.",
        "Si vous aimez nos articles, soutenez-nous par un don mensuel.",
        "Si te gusta nuestro periodismo local, apóyanos con una aportación.",
        "Se ti piace il nostro lavoro, sostienici con una donazione.",
        "Se gosta do nosso jornalismo, apoie-nos com uma doação.",
        "Vind je ons werk belangrijk? Steun ons met een kleine bijdrage.",
        "Jeśli cenisz naszą pracę, wesprzyj nas darowizną.",
        "Haberlerimizi beğendiyseniz bizi destekleyin, küçük bir bağış yeter.",
        "如果您喜欢我们的报道，请支持我们，捐款帮助我们继续。",
        "Enjoyed the roundup of library news above? Then subscribe to our YouTube channel for more.",
        "Our reporting on the town is funded by readers like you, so consider a small monthly contribution.",
        "Interesse an Büchern? Dann abonniere meinen Newsletter: courier.example/nl",
    ] {
        PAGE.assert_goes(line);
    }
}

#[test]
fn a_newsletter_plug_or_a_subscriber_badge_goes() {
    for line in [
        "[Alle Nachrichten aus Wexcombe finden Sie im kostenlosen Courier-Newsletter. Zur Anmeldung geht es hier.]",
        "Nie mehr etwas verpassen? Abonnieren Sie unser Morgen-Briefing: täglich um 7 Uhr. Hier geht's zur Anmeldung!",
        "Redaktioneller Newsletter",
        "Für Abonnenten",
        "Para suscriptores",
        "Subscribers only",
        "Tylko dla subskrybentów",
        "Schon Abonnent?",
        "Dieser Artikel ist nur für Abonnenten.",
    ] {
        PAGE.assert_goes(line);
    }
    let text = PAGE.text_with("<p><i>lock</i><strong>Para suscriptores</strong></p>");
    assert!(!text.contains("suscriptores"), "{text}");
    let text = PAGE.text_with(
        r#"<p><a href="/roof">Under one roof</a><br><span>How a village rebuilt its hall. Für Abonnentinnen und Abonnenten inklusive.</span></p>"#,
    );
    assert!(!text.contains("Abonnenten inklusive"), "{text}");
}

#[test]
fn news_about_donations_subscriptions_and_others_appeals_stays() {
    for line in [
        "The party declared the donations late, the election watchdog found on Tuesday.",
        "Subscribers of the streaming service complained that our town was left out of the local channel.",
        "The union thanked donors who had given to the strike fund over the winter.",
        "“Please support us with a donation for the flood victims,” the chair of the relief fund told the meeting.",
        "Please support us with a donation, the chair of the relief fund said at the meeting on Monday.",
        "Der Verein bittet um Spenden für die Flutopfer an der Wex.",
        "Spenden können auf das Konto des Vereins bei der Sparkasse Wexcombe überwiesen werden, IBAN DE00 1234 5678.",
        "„Unterstützen Sie uns mit einer Spende“, sagte die Vorsitzende des Hilfsvereins am Montag.",
        "Wir freuen uns über jede Anregung, sagte die Bibliothekarin und zeigte auf den Zettelkasten.",
        "The app costs five euros a month; we found the subscription worth it for the audiobooks alone.",
        "Readers who support our library with gifts of books are thanked on a board by the door.",
        "Dieser Artikel beruht auf einer gemeinsamen Recherche mit der Stadtbücherei, die uns ihre Akten öffnete.",
        "The archive is open only for subscribers of the county history society, the librarian said.",
        "Readers like you wrote in their hundreds to ask for longer opening hours at the library.",
        "Le journal compte désormais deux mille abonnés, un record pour une publication locale.",
        "Die Zeitung bietet fünf kostenlose Artikel pro Monat an, sagte der Verleger am Dienstag.",
        "Le journal propose cinq articles gratuits par mois, a déclaré son éditeur mardi.",
        "El diario ofrece cinco artículos gratuitos al mes, dijo su editor el martes.",
        "Readers can subscribe to read the council minutes online from next month, the clerk said.",
    ] {
        PAGE.assert_stays(line);
    }
    // A paragraph of the story, of more than three sentences, that closes
    // with a request keeps its text.
    PAGE.assert_stays("The reading group meets on Thursdays in the back room and chooses a new book each month by a show of hands. Members bring cake in turn. The lemon loaf has a following of its own. Subscribe to our channel, the organisers joked, if you want the recipes.");
}

#[test]
fn a_trial_offer_goes_a_price_in_the_story_stays() {
    // A trial offer with its button, as a box between the paragraphs: the
    // button's label names it.
    for (offer, button) in [
        (
            "Sie wollen mehr aus Ihrer Region lesen? Testen Sie Courier+ jetzt 4 Wochen für 0,99 €.",
            "Jetzt testen",
        ),
        (
            "Want more from Wexcombe? Try Courier Plus for four weeks for just £1.",
            "Start your trial",
        ),
    ] {
        let text = PAGE.text_with(&format!(
            r#"<div class="box"><p>{offer}</p><a href="/plus">{button}</a></div>"#
        ));
        assert!(!text.contains(offer), "{text}");
        assert!(!text.contains(button), "{text}");
    }
    // Prices in the story's own sentences stay.
    PAGE.assert_stays("The repair café charges £2 for a cup of tea and nothing for the repairs.");
    PAGE.assert_stays(
        "Testen Sie selbst: Die neue Heizung kostete 40.000 €, sagte die Bibliothekarin.",
    );
}

#[test]
fn appeals_in_other_words_go_an_offer_or_the_publication_named() {
    for line in [
        "Donate now to keep our reporting free for everyone.",
        "Become a member of the Courier and enjoy ad-free reading.",
        "Become a Courier supporter today.",
        "Support the Wexcombe Courier from just £1.",
        "Your donation keeps our reporting free for all readers.",
        "Help us keep reporting. Donate from £2.",
        "We rely on readers like you. Give monthly and help fund our reporting.",
        "Join us as a member and get exclusive newsletters and events.",
        "Members get early access to our investigations. Join today.",
        "Subscribe today and save half on your first year.",
        "Get unlimited digital access for just £1 a week.",
        "Start your free trial today.",
        "Not a subscriber yet? Start your subscription now.",
        "Chip in to support fearless local reporting.",
        "Every contribution, however big or small, powers our journalism.",
        "Register for free to read more articles.",
        "You have reached your limit of free articles this month.",
        "Enjoying our coverage? Consider becoming a member.",
        "Jetzt Mitglied werden und werbefrei lesen.",
        "Dona ahora para mantener nuestro periodismo libre.",
        "Wesprzyj nas i zostań patronem.",
        "Thank you for reading. The Courier is a nonprofit newsroom that depends on readers. Make a gift today.",
        "A message from the editor: we have kept our journalism free for ten years, but costs are rising. Give now.",
        "Like this story? Share it with a friend and forward them our newsletter.",
        "Please consider a small donation to keep our reporting free.",
        "Please consider subscribing to the Courier for unlimited access.",
        "Consider supporting independent local news: become a member today.",
        "Bitte unterstützen Sie unseren unabhängigen Journalismus.",
    ] {
        PAGE.assert_goes(line);
    }
    // The request as the paragraph's closing link.
    let text = PAGE.text_with(
        r#"<p>Thank you for reading. The Courier is a nonprofit newsroom that depends on readers. <a href="/donate">Make a gift today.</a></p>"#,
    );
    assert!(!text.contains("nonprofit newsroom"), "{text}");
}

#[test]
fn the_same_verbs_in_the_story_or_in_someones_words_stay() {
    for line in [
        "Become a lifeguard, the leaflet urges, and spend the summer on the beach.",
        "Join us at the town hall on Thursday at seven, the organisers wrote on their poster.",
        "Support the library plan, read the placards carried by parents outside the council offices.",
        "Help us find the missing cat, the librarian asked in a post on Sunday.",
        "Your support for the library means a great deal to the staff, the librarian wrote in a letter to the town.",
        "Join today's walk along the river to see the new reading garden for yourself.",
        "Get unlimited views of the river from the new reading room, the architect's brochure promises.",
        "Become a member of the library board, and you will have a vote on the fees.",
        "Members of the Courier's own staff carried books back on Saturday.",
        "Every contribution from the library fund went to the roof, the treasurer told the meeting.",
        "Thanks to our members, the reading group can keep meeting through the winter, the chair said.",
        "Your donation to the book appeal can be made at any branch of the bank, the appeal's website says.",
        "Start your free trial of the new catalogue app, the council told readers in an email on Monday.",
        "Support the Courier's campaign to save the library, wrote a reader from the old town.",
        "The council said it would help fund our reading garden with a grant of £40,000.",
        "Register for free parking at the library before the first of May.",
        "Like this story of the library's roof? The architect has written a book about old roofs.",
        "Give now or lose the reading room, the campaigners told the council at its meeting on Monday.",
        "Please consider the flood maps before you buy a house on the quay.",
        "Please consider our report on the roof when you vote, the editor told readers.",
        "Consider becoming a member of the reading group, which meets every Tuesday.",
        "Bitte unterstützen Sie die Feuerwehr bei der Suche nach dem Boot.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn appeals_in_other_languages_in_other_words_go_the_same_verbs_in_news_stay() {
    for line in [
        "Ihre Spende hilft uns, weiter unabhängig zu berichten.",
        "Jetzt abonnieren und den ersten Monat gratis lesen.",
        "Sie möchten weiterlesen? Schließen Sie jetzt ein Abo ab.",
        "Gefällt Ihnen unsere Berichterstattung? Dann werden Sie Unterstützer.",
        "Registrieren Sie sich kostenlos und lesen Sie weiter.",
        "Abonnez-vous dès maintenant pour 1 € le premier mois.",
        "Votre don nous permet de rester indépendants.",
        "Inscrivez-vous gratuitement pour lire la suite.",
        "Tu donación nos ayuda a seguir informando.",
        "Regístrate gratis para seguir leyendo.",
        "Il tuo contributo ci aiuta a restare indipendenti.",
        "Assine já e tenha acesso ilimitado ao nosso conteúdo.",
        "Word abonnee en lees onbeperkt.",
        "Zostań subskrybentem i czytaj bez reklam.",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Schließen Sie die Fenster, wenn der Sturm kommt, rät der Wetterdienst den Anwohnern.",
        "Mit einem Abo für den Bus kommen Pendler jetzt günstiger in die Stadt, teilte der Verkehrsverbund mit.",
        "Ihre Spende ging an die Tafel in der Altstadt, erzählte die Rentnerin.",
        "Registrieren Sie sich beim Bürgeramt, wenn Sie neu in der Stadt sind.",
        "Votre don de sang peut sauver trois vies, rappelle l'Établissement français du sang.",
        "Tu donación llegará a las familias afectadas por la inundación, según la ONG.",
        "Regístrate en el padrón antes de marzo para votar en las elecciones municipales.",
        "Gefällt Ihnen unsere neue Stadtbibliothek? Die Verwaltung bittet um Ihre Meinung bis Ende Mai.",
        "Word abonnee van de bibliotheek en leen gratis boeken, zegt de gemeente.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn a_whole_appeal_opening_a_sentence_goes_the_same_words_reported_stay() {
    for line in [
        "We can't do this without you. Donate today.",
        "Reader support makes our work possible. Please give what you can.",
        "Click here to become a member.",
        "Tap here to subscribe.",
        "To keep reading, subscribe now.",
        "Subscribe to continue reading.",
        "Cancel anytime.",
        "Jetzt spenden!",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Donate today or the reading room closes, the campaigners told the council on Monday.",
        "\"Subscribe now,\" read the banner over the old newspaper racks, a relic of the nineties.",
        "The library's card, which readers can cancel anytime, now also opens the county archive.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn offers_to_subscribers_and_members_and_counted_calls_go_the_same_words_in_news_stay() {
    for line in [
        "Subscribers get early access to our investigations.",
        "Members get exclusive events, a weekly letter and no ads.",
        "Join 40,000 members who make this reporting possible.",
        "Join 12,000 readers who get our newsletter every Friday.",
        "Give monthly and become a sustaining member.",
        "Tips? Story ideas? Want to support our work? Click here.",
        "Like what you read? Buy us a coffee.",
        "Donations are tax-deductible. Give now.",
        "Unlock this story and more with a subscription.",
        "Gift a subscription to someone you love.",
        "Upgrade to premium and read every article without ads.",
        "Enjoy unlimited digital access for just $1 a week.",
        "Abonnez-vous à notre infolettre pour ne rien manquer.",
        "Mit einem Abo unterstützen Sie unabhängigen Lokaljournalismus.",
        "This story is free to read thanks to our members.",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Subscribers get their water bills in March, and the new rates apply from April.",
        "Members get one vote each at the annual meeting of the reading group.",
        "Supporters get a seat on the bus to the away match if they book by Friday.",
        "Join 200 volunteers on Saturday to carry the last boxes of books back from the gym.",
        "Give now or give later, the library fund will accept either, its treasurer explained in a letter.",
        "Upgrade to premium diesel, the pump attendant advised, and the engine will thank you.",
        "Members enjoy the quiet of the reading room on Sunday mornings, when it opens early.",
        "Want to support the library? Its friends' group holds an open day on 12 May with a cake stall.",
        "Buy us a coffee, the volunteers joked as the reporters arrived at seven in the morning.",
        "Mit einem Abo für den Bus fährt man in der Stadt günstiger als mit Einzelfahrscheinen.",
        "Readers with a county card get unlimited access to the archive, the librarian said.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn appeals_in_languages_whose_request_closes_the_sentence_go_news_in_them_stays() {
    for line in [
        "Zostań prenumeratorem i czytaj bez ograniczeń.",
        "Wspieraj niezależne media – przekaż darowiznę.",
        "Abone ol, haberleri ilk sen öğren.",
        "ادعم الصحافة المستقلة وتبرع الآن.",
        "اشترك الآن للحصول على وصول غير محدود.",
        "今すぐ購読して、すべての記事を読む。",
        "지금 구독하고 모든 기사를 읽으세요.",
        "अभी सब्सक्राइब करें और सभी लेख पढ़ें।",
        "در خبرنامه ما مشترک شوید.",
        "حمایت از روزنامه‌نگاری مستقل: همین حالا کمک کنید.",
        "支持独立新闻，立即订阅。",
        "Berlangganan sekarang untuk akses tanpa batas.",
        "Đăng ký ngay để đọc không giới hạn.",
        "สมัครสมาชิกวันนี้เพื่ออ่านบทความทั้งหมด",
        "Підтримайте незалежну журналістику.",
        "Подпишитесь на нашу рассылку.",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "اشترك أكثر من مئتي شخص في الاجتماع الذي عقد في المكتبة يوم الثلاثاء.",
        "تبرع رجل أعمال محلي بمبلغ كبير لإصلاح سقف المكتبة.",
        "Abone olan hane sayısı geçen yıl yüzde on arttı.",
        "Dukung penuh rencana perpustakaan, kata wali kota kepada wartawan.",
        "Đăng ký ngay từ tháng Năm, độc giả sẽ được cấp thẻ mới.",
        "Подпишитесь под петицией, призвали жители, и собрали тысячу подписей.",
        "Wspieraj lokalną bibliotekę, apelował burmistrz podczas sesji rady.",
        "新聞の購読をやめる人が増えていると記事は伝えた。",
        "구독자 수가 늘었다는 기사가 나왔다.",
        "लेख में बताया गया कि पुस्तकालय की छत समय से पहले ठीक होगी।",
        "支持我们的读者说，新屋顶比旧的更结实。",
        "به کتابخانه شهر برای تعمیر سقف کمک کنید، شهردار از مردم خواست.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn paywall_support_and_sign_up_lines_in_more_words_go_the_same_words_in_news_stay() {
    for line in [
        "Subscribe for full access",
        "Sign in to read the full article",
        "Log in to read more.",
        "This story is available to subscribers only.",
        "This article is for subscribers.",
        "Your support matters",
        "Stand with us",
        "GIVE TODAY",
        "Newsletter sign-up",
        "Receive our free daily digest",
        "\u{1F4E9} Get our weekly roundup \u{2014} subscribe now",
        "\u{25BA} Subscribe to our newsletter",
        "If you value this reporting, please consider making a contribution.",
        "Readers like you keep our journalism free for everyone.",
        "Members make this reporting possible. Join them.",
        "Upgrade to Courier Plus to read every article.",
        "Berlangganan buletin kami",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "If you value quiet, the reading room upstairs is open from nine until noon.",
        "Readers like you wrote in their hundreds when the roof first leaked, the librarian recalled.",
        "Members make up a third of the library's board, which meets on Thursdays.",
        "Upgrade to the heating was approved in 2021 and finished last spring.",
        "Receive our thanks, the mayor told the volunteers at the opening on Saturday.",
        "Sign in to read the gas meter at the front desk before the cleaners arrive.",
        "Work stopped for a week in May \u{2014} subscribers to the council's alerts were told first.",
        "\u{25BA} The children's corner reopens on Saturday at nine.",
        "Give today's teenagers a say, the youth council urged the board.",
        "This story is available in print in Saturday's edition of the Courier.",
        "Newsletter sign-ups at the reading group doubled after the reopening.",
        "Berlangganan listrik di perpustakaan naik dua kali lipat tahun ini.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn sign_up_calls_and_subscriber_only_notices_in_more_languages_go_news_in_them_stays() {
    for line in [
        "Hier geht's zum Newsletter-Abo",
        "Jetzt 30 Tage kostenlos testen",
        "Sie möchten weiterlesen? Jetzt registrieren und kostenlos weiterlesen.",
        "Dieser Artikel ist nur für Abonnenten verfügbar.",
        "Cet article est réservé aux abonnés.",
        "Este contenido es exclusivo para suscriptores.",
        "Questo articolo è riservato agli abbonati.",
        "Dit artikel is alleen voor abonnees.",
        "Ten artykuł jest dostępny tylko dla subskrybentów.",
        "This article is available to subscribers only.",
        "Recibe cada mañana las noticias más importantes en tu correo.",
        "Ricevi ogni giorno le notizie più importanti nella tua casella di posta.",
        "Get the latest library news in your inbox.",
        "Steun onafhankelijke journalistiek",
        "Podpořte nezávislou žurnalistiku",
        "Stöd oberoende journalistik",
        "Tilmeld dig vores nyhedsbrev",
        "Tilaa uutiskirjeemme",
        "Iratkozzon fel hírlevelünkre",
        "Εγγραφείτε στο newsletter μας",
        "ニュースレターの登録はこちら",
        "뉴스레터 구독하기",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "This article was updated to correct the number of subscribers to the library's alert service.",
        "Dieser Artikel erschien zuerst in der Wochenendausgabe für Abonnenten und Leser am Kiosk.",
        "Este artículo es sólo una parte de la historia de la biblioteca.",
        "Tilaa kahvia kirjaston kahvilasta, suositteli kirjastonhoitaja vieraille.",
        "Recibe el premio la voluntaria que salvó los libros de la lluvia en marzo.",
        "Hier geht es zum Beispiel um die Frage, wer die Kosten für das Dach trägt.",
        "Jetzt registrieren sich immer mehr Leser für den Lesekreis am Donnerstag.",
        "Get the latest opening hours from the front desk before you visit.",
        "Stöd oss i kampen för biblioteket, sa volontärerna till kommunen.",
    ] {
        PAGE.assert_stays(line);
    }
}
