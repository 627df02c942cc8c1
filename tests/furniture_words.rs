//! Page furniture and offers in wordings the other line tests do not
//! hold, on a page of our own prose: a date line that names the weekday or
//! the month after its label, a subscription's price line, a premium call,
//! a question that asks the reader to pass the story on, a video's or a
//! recording's call, an ad's place marker, a shop's toast, a follow line
//! ending on "X", a gallery's or a donation form's controls set as text, a
//! sponsor's label, a link to the next or previous article, and follow
//! calls, share labels and read-more lines in scripts where the verb
//! closes the line or a mark follows the opener must go between the
//! story's paragraphs; while every paragraph of the story stays, and so do
//! news sentences with the same words: a dated sentence, a price or a
//! share in the story, someone's words, directions to follow.

mod common;

/// The story: five paragraphs about a lighthouse.
const STORY: [&str; 5] = [
    "The lighthouse on Gull Point was lit again on Friday evening for the first time in eleven years, after a trust of local sailors raised the money to mend its lantern and clockwork.",
    "Its lamp now turns on a new electric motor, but the trust kept the brass clockwork in working order, and volunteers plan to wind it by hand on the anniversary of the first lighting each spring.",
    "Fishermen had asked for the light for years, since the sandbank off the point has grown with every winter storm and two boats ran aground on it in the fog the year before last.",
    "The keeper's cottage below the tower is to become a small museum, with the logbooks of the last keepers and a chart of the wrecks on the bank since the light was first built.",
    "The trust's chair said the lantern would be lit every night from dusk until dawn, and that visitors could climb the tower on summer weekends once the new handrails were fitted.",
];

/// The Tidewater Post's page of the story, with inserts between the
/// second and third paragraphs.
const PAGE: common::Story = common::Story {
    paragraphs: &STORY,
    at: 2,
    site: "Tidewater Post",
    title: "Gull Point light shines again",
    heading: "Gull Point lighthouse shines again after eleven dark years",
    url: "https://post.example/lighthouse",
};

#[test]
fn a_date_line_naming_the_weekday_or_the_month_goes_a_dated_sentence_stays() {
    for line in [
        "First published on Monday 3 March 2025",
        "Updated Tuesday 4 March 2025, 14:05 GMT",
        "Updated March 4, 2025, 2:05 p.m. ET",
        "Modified 3 hours ago",
        "Veröffentlicht am Montag, 3. März 2025",
        "Mis à jour le mardi 4 mars 2025 à 14h05",
        "Actualizado el martes 4 de marzo de 2025",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Updated figures on Monday 3 March 2025 showed more boats passing the point.",
        "Published in 1884, the first pilot's guide listed the light and 40 moorings.",
        "Modified lamps from 2019 will be tried in the tower next winter.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn a_price_line_or_a_premium_call_goes_prices_and_shares_in_the_story_stay() {
    for line in [
        "Try 3 months for $1",
        "Try 1 month for £1.",
        "Get 50% off your first year",
        "Enjoy 12 weeks for £1, then £5 a month.",
        "Testen Sie 4 Wochen für 1 €",
        "Go premium and read without ads",
        "Upgrade now for ad-free reading",
        "Register for free to continue",
        "Enjoyed this story? Pass it on to a friend.",
        "Did you enjoy this article? Share it with someone who would like it.",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Try the museum café's £2 tea, served every week once the cottage opens.",
        "Try 3 months of the new night timetable first, the harbourmaster said.",
        "Get 20% of the fishing quota in the first year, the minister promised the fleet.",
        "Upgrade now or lose support, the software firm told users of the old system.",
        "Enjoyed this story? We would love to hear what you think about the light.",
        "Enjoyed this story about the keepers, my grandmother wrote in 1960.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn a_call_an_ad_marker_a_shop_toast_and_a_follow_on_x_go_the_same_words_in_news_stay() {
    for line in [
        "WATCH NOW",
        "Listen now",
        "Send us your feedback",
        "Story continues after the ad",
        "Product added to basket",
        "More on this story",
        "Follow the Tidewater Post on X",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Watch now as the crane lifts the new lantern into place, the trust's chair told visitors.",
        "The show continues after the ad break, the producer explained.",
        "Follow the signs on the A38 to reach the car park below the point.",
        "Follow the coast path on foot to see the tower from the north.",
        "More on this story will be published when the trust meets next week.",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn gallery_and_donation_controls_sponsor_labels_and_neighbour_links_go_prose_stays() {
    for line in [
        "Click to expand",
        "Tap to enlarge",
        "View gallery",
        "1 sur 6",
        "3 of 12",
        "Make a one-off contribution",
        "Choose your plan",
        "We rely on readers like you",
        "Sponsored by Acme Ferries",
        "In partnership with Acme Ferries",
        "Previous article",
        "Zum nächsten Artikel",
        "Artikel teilen",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Sponsored by the harbour trust and two local firms, the museum opens in May.",
        "Previous articles in the parish magazine told the story of the last keeper.",
        "Click to expand the chart of wrecks, the museum's new screen invites visitors.",
        "3 of the 12 keepers who served here are buried in the churchyard by the point.",
    ] {
        PAGE.assert_stays(line);
    }
    // A count in a table cell or a list item is data.
    let html = "<table><tr><th>Keeper</th><th>Nights lit</th></tr><tr><td>Ann Reed</td><td>3 of 12</td></tr>\
                <tr><td>Bo Lund</td><td><div>9 of 12</div></td></tr></table>\
                <ul><li>Lamps mended</li><li><p>5 of 12</p></li></ul>";
    let text = PAGE.text_with(html);
    for count in ["3 of 12", "9 of 12", "5 of 12"] {
        assert!(text.contains(count), "{count} lost: {text}");
    }
}

#[test]
fn follow_calls_shares_and_read_more_lines_in_more_scripts_go_news_with_their_verbs_stays() {
    for line in [
        "ما را در اینستاگرام دنبال کنید",
        "हमें फेसबुक पर फॉलो करें",
        "আমাদের ফেসবুক পেজে ফলো করুন",
        "Bizi Twitter'da takip edin",
        "关注我们的微信公众号",
        "Подписывайтесь на наш Telegram-канал",
        "Підписуйтесь на наш Telegram-канал",
        "شارك هذا المقال",
        "この記事をシェアする",
        "Haberin devamı için tıklayın",
    ] {
        PAGE.assert_goes(line);
    }
    for html in [
        r#"<p>اقرأ أيضاً: <a href="https://post.example/ferry">ارتفاع أسعار العبارات</a></p>"#,
        r#"<p>קראו עוד: <a href="https://post.example/ferry">מחירי המעבורת עולים</a></p>"#,
    ] {
        let text = PAGE.text_with(html);
        assert!(
            !text.contains("العبارات") && !text.contains("המעבורת"),
            "{html} kept: {text}"
        );
    }
    for line in [
        "کاربران می‌توانند صفحه فانوس دریایی را در اینستاگرام دنبال کنند.",
        "लाखों लोग उस नाविक को फेसबुक पर फॉलो करते हैं और उसकी तस्वीरें देखते हैं।",
        "Polis, şüpheliyi iki hafta boyunca Twitter'da takip etti.",
        "网友纷纷关注这座灯塔在微博上的讨论。",
    ] {
        PAGE.assert_stays(line);
    }
}

#[test]
fn page_controls_and_teaser_titles_set_as_text_go_the_same_words_in_sentences_stay() {
    for line in [
        "Back to top",
        "Back to the homepage",
        "Zurück zur Übersicht",
        "Quellen ausblenden",
        "Show sources",
        "Click on the image to enlarge.",
        "Zum Vergrößern auf das Bild klicken.",
        "Bild vergrößern",
        "Alle Bilder anzeigen",
        "Play video",
        "Video abspielen",
        "Artikel vorlesen lassen",
        "Have this article read aloud",
        "Kommentare anzeigen",
        "Jetzt kommentieren",
        "Diesen Artikel merken",
        "Weiterlesen nach der Werbung",
        "Continue reading after the ad",
        "Jetzt lesen",
        "Mehr aus dem Ressort",
        "Passend zum Thema:",
        "Empfehlungen der Redaktion",
        "Weitere Artikel zum Thema Leuchttürme",
    ] {
        PAGE.assert_goes(line);
    }
    for line in [
        "Back to top of the tower went the last of the brass fittings on Thursday.",
        "Show sources of funding before the vote, the trust's members asked the chair.",
        "Play video footage of the first lighting was shown at the museum's opening.",
        "Jetzt lesen Kinder im Museum die alten Logbücher der Leuchtturmwärter.",
        "Weitere Artikel zum Thema sollen im Frühjahr in der Museumszeitung erscheinen.",
        "Zur Startseite des Museums gehört künftig auch eine Karte der Wracks.",
    ] {
        PAGE.assert_stays(line);
    }
}
