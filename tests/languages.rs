//! The clutter cues of the languages beyond the first nine, end to end: for
//! each language, a page of our own prose (three paragraphs about a town
//! restoring its lighthouse) with clutter lines written with that
//! language's cues between the paragraphs: an ad label, a read-more line, a
//! newsletter plug, a share button, a comment count, a date line, a skip
//! link, a reading time, a related or most-read list, a call to action and
//! a photo credit. `quire::extract` must drop every clutter line and keep
//! every paragraph whole.
//!
//! Some lines are spelled the way pages spell them and the tables do not:
//! digits of the language's own script, a full-width colon, a precomposed
//! nukta letter, a Romanian cedilla, a capital Turkish "İ", and Chinese,
//! Japanese and Thai cues with no space around them.

use quire::{extract, Options};

/// One language's page.
struct Page {
    lang: &'static str,
    title: &'static str,
    paragraphs: [&'static str; 3],
    /// HTML of the clutter lines, spread between the paragraphs.
    clutter: &'static [&'static str],
}

/// Whitespace collapsed to single spaces.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text nodes of an HTML snippet, trimmed of spaces and punctuation,
/// that hold at least two characters.
fn segments(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(std::mem::take(&mut cur));
            }
            '>' => in_tag = false,
            _ if !in_tag => cur.push(c),
            _ => {}
        }
    }
    out.push(cur);
    out.iter()
        .map(|s| norm(s.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|s| s.chars().count() >= 2)
        .collect()
}

fn check(page: &Page) {
    let mut body = format!("<h1>{}</h1>", page.title);
    for (i, p) in page.paragraphs.iter().enumerate() {
        body.push_str(&format!("<p>{p}</p>"));
        // A third of the clutter after each paragraph.
        for c in page.clutter.iter().skip(i).step_by(3) {
            body.push_str(c);
        }
    }
    let html = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <title>{}</title></head><body><main><article>{body}</article></main></body></html>",
        page.lang, page.title
    );
    let options = Options {
        text: true,
        ..Options::default()
    };
    let article = extract(&html, None, &options).expect("extracts");
    let text = norm(&article.text);
    for p in page.paragraphs {
        assert!(
            text.contains(&norm(p)),
            "{}: paragraph lost: {p}\n--- text:\n{text}",
            page.lang
        );
    }
    for c in page.clutter {
        for seg in segments(c) {
            assert!(
                !text.contains(&seg),
                "{}: clutter kept: {seg:?} (from {c})\n--- text:\n{text}",
                page.lang
            );
        }
    }
}

#[test]
fn arabic() {
    check(&Page {
        lang: "ar",
        title: "متطوعون يعيدون الضوء إلى المنارة القديمة",
        paragraphs: [
            "بدأ المتطوعون في ترميم المنارة القديمة على طرف الميناء في أوائل الربيع، بعد أن ظلت مهجورة لأكثر من ثلاثين عاما. وقد جمع سكان البلدة المال من الأسواق والمدارس لشراء الحجارة والطلاء.",
            "قال أحد الصيادين إن ضوء المنارة كان يرشد القوارب في الليالي العاصفة، وإن عودته ستجعل الرحلات الليلية أكثر أمانا. وأضاف أن الأطفال يأتون كل مساء لمشاهدة العمال وهم يرفعون السلالم الخشبية.",
            "ومن المتوقع أن ينتهي العمل قبل نهاية الصيف، حين يضاء المصباح الجديد لأول مرة في احتفال صغير على الرصيف. ويأمل المنظمون أن يفتح البرج بعد ذلك للزوار في عطلات نهاية الأسبوع.",
        ],
        clutter: &[
            "<div>إعلان</div>",
            "<p>اقرأ أيضا: <a href=\"/x\">قوارب الصيد تعود إلى الميناء</a></p>",
            "<p>اشترك في نشرتنا البريدية لتصلك أخبار البلدة كل أسبوع.</p>",
            "<div><button>مشاركة</button></div>",
            "<div><a href=\"#comments\">التعليقات (١٢)</a></div>",
            "<p>آخر تحديث: ٢٠٢٤/٥/٣</p>",
            "<div><a href=\"#main\">انتقل إلى المحتوى</a></div>",
            "<div>٥ دقائق قراءة</div>",
            "<div><h3>مقالات ذات صلة</h3><ul><li><a href=\"/a\">سوق السمك الجديد</a></li><li><a href=\"/b\">مهرجان البحر</a></li></ul></div>",
            "<div><p>ساعدنا على الاستمرار في تغطية أخبار البلدة.</p><a href=\"/donate\">تبرع الآن</a></div>",
            "<p>تصوير: سامي الحداد</p>",
            "<div>نستخدم ملفات تعريف الارتباط لتحسين تجربتك على الموقع.</div>",
        ],
    });
}

#[test]
fn persian() {
    check(&Page {
        lang: "fa",
        title: "داوطلبان فانوس دریایی قدیمی را دوباره روشن می‌کنند",
        paragraphs: [
            "داوطلبان شهر از اوایل بهار مرمت فانوس دریایی قدیمی را در انتهای بندر آغاز کردند؛ برجی که بیش از سی سال خاموش مانده بود. ساکنان محله با فروش کیک و صنایع دستی پول خرید سنگ و رنگ را فراهم کردند.",
            "یکی از ماهیگیران گفت نور این فانوس در شب‌های طوفانی راه قایق‌ها را نشان می‌داد و روشن شدن دوباره آن سفرهای شبانه را امن‌تر می‌کند. او افزود که بچه‌ها هر عصر برای تماشای کارگران به اسکله می‌آیند.",
            "پیش‌بینی می‌شود کار تا پایان تابستان تمام شود و چراغ تازه در جشنی کوچک روی اسکله روشن شود. برگزارکنندگان امیدوارند پس از آن برج در روزهای تعطیل به روی بازدیدکنندگان باز باشد.",
        ],
        clutter: &[
            "<div>تبلیغات</div>",
            "<p>بیشتر بخوانید: <a href=\"/x\">بازگشت قایق‌های ماهیگیری به بندر</a></p>",
            "<p>برای دریافت تازه‌ترین خبرها، ایمیل خود را وارد کنید.</p>",
            "<div><button>اشتراک‌گذاری</button></div>",
            "<div><a href=\"#comments\">نظرات (۸)</a></div>",
            "<p>تاریخ انتشار: ۱۴۰۳/۰۲/۱۴</p>",
            "<div><a href=\"#main\">پرش به محتوا</a></div>",
            "<div>زمان مطالعه: ۴ دقیقه</div>",
            "<div><h3>مطالب مرتبط</h3><ul><li><a href=\"/a\">بازار تازه ماهی</a></li><li><a href=\"/b\">جشنواره دریا</a></li></ul></div>",
            "<div><p>برای ادامه کار به کمک شما نیاز داریم.</p><a href=\"/support\">حمایت کنید</a></div>",
            "<p>عکس: مریم رضایی</p>",
            "<div>کلیه حقوق محفوظ است.</div>",
        ],
    });
}

#[test]
fn hebrew() {
    check(&Page {
        lang: "he",
        title: "מתנדבים מחזירים את האור למגדלור הישן",
        paragraphs: [
            "מתנדבים מהעיירה החלו בתחילת האביב לשפץ את המגדלור הישן שבקצה הנמל, אחרי שעמד חשוך יותר משלושים שנה. התושבים אספו כסף בשוק ובבתי הספר כדי לקנות אבנים וצבע.",
            "אחד הדייגים סיפר שאור המגדלור הדריך את הסירות בלילות סוערים, ושהדלקתו מחדש תהפוך את ההפלגות הליליות לבטוחות יותר. לדבריו, ילדים מגיעים בכל ערב כדי לצפות בפועלים מטפסים על הפיגומים.",
            "העבודה צפויה להסתיים לפני סוף הקיץ, אז יודלק הפנס החדש לראשונה בטקס קטן על המזח. המארגנים מקווים שהמגדלור ייפתח אחר כך למבקרים בסופי השבוע.",
        ],
        clutter: &[
            "<div>פרסומת</div>",
            "<p>קראו גם: <a href=\"/x\">סירות הדייגים חוזרות לנמל</a></p>",
            "<p>הירשמו לניוזלטר שלנו וקבלו את חדשות העיירה בכל שבוע.</p>",
            "<div><button>שתפו</button></div>",
            "<div><a href=\"#comments\">תגובות (5)</a></div>",
            "<p>עודכן: 03.05.2024</p>",
            "<div><a href=\"#main\">דלג לתוכן</a></div>",
            "<div>4 דקות קריאה</div>",
            "<div><h3>כתבות קשורות</h3><ul><li><a href=\"/a\">שוק הדגים החדש</a></li><li><a href=\"/b\">פסטיבל הים</a></li></ul></div>",
            "<div><p>העיתונות המקומית זקוקה לכם.</p><a href=\"/donate\">תרמו</a></div>",
            "<p>צילום: דנה לוי</p>",
            "<div>אנו משתמשים בעוגיות כדי לשפר את חוויית הגלישה.</div>",
        ],
    });
}

#[test]
fn chinese_simplified_needs_no_spaces() {
    check(&Page {
        lang: "zh-CN",
        title: "志愿者让旧灯塔重新亮起来",
        paragraphs: [
            "今年春天，镇上的志愿者开始修复港口尽头那座旧灯塔。这座灯塔已经熄灭了三十多年，居民们在集市和学校里筹集资金，用来购买石料和油漆。",
            "一位老渔民说，过去在暴风雨的夜晚，正是灯塔的光引导渔船平安回港。他认为灯塔重新点亮以后，夜间出海会安全得多。每天傍晚，都有孩子们跑到码头上看工人们搭脚手架。",
            "工程预计在夏天结束前完工，到时候新灯将在码头上的一个小型仪式中第一次点亮。组织者希望，灯塔以后能在周末向游客开放，让更多人登上塔顶看海。",
        ],
        clutter: &[
            "<div>广告</div>",
            "<p>【延伸阅读】<a href=\"/x\">渔船陆续回港</a></p>",
            "<p>欢迎订阅我们的每周简报，及时了解小镇新闻。</p>",
            "<div><button>分享到微信</button></div>",
            "<div><a href=\"#comments\">评论（12）</a></div>",
            "<p>发布时间：2024-05-03 10:30</p>",
            "<div><a href=\"#main\">跳到主要内容</a></div>",
            "<div>约3分钟阅读</div>",
            "<div><h3>相关文章推荐</h3><ul><li><a href=\"/a\">新鱼市开业</a></li><li><a href=\"/b\">海洋节开幕</a></li></ul></div>",
            "<div><p>我们需要读者的支持。</p><a href=\"/subscribe\">立即订阅</a></div>",
            "<p>图片来源：小镇日报</p>",
            "<div>本网站使用cookie来改善您的浏览体验。</div>",
        ],
    });
}

#[test]
fn chinese_traditional_needs_no_spaces() {
    check(&Page {
        lang: "zh-TW",
        title: "志工讓舊燈塔重新亮起來",
        paragraphs: [
            "今年春天，鎮上的志工開始修復港口盡頭那座舊燈塔。這座燈塔已經熄滅了三十多年，居民們在市集和學校裡募集資金，用來購買石材和油漆。",
            "一位老漁民說，過去在暴風雨的夜晚，正是燈塔的光引導漁船平安回港。他認為燈塔重新點亮以後，夜間出海會安全得多。每天傍晚，都有孩子們跑到碼頭上看工人們搭鷹架。",
            "工程預計在夏天結束前完工，到時候新燈將在碼頭上的一個小型儀式中第一次點亮。主辦單位希望，燈塔以後能在週末向遊客開放，讓更多人登上塔頂看海。",
        ],
        clutter: &[
            "<div>廣告</div>",
            "<p>延伸閱讀：<a href=\"/x\">漁船陸續回港</a></p>",
            "<p>訂閱我們的電子報，掌握小鎮最新消息。</p>",
            "<div><button>分享</button></div>",
            "<div><a href=\"#comments\">3 則留言</a></div>",
            "<p>更新時間：2024/05/03</p>",
            "<div><a href=\"#main\">跳至主要內容</a></div>",
            "<div>閱讀時間 3 分鐘</div>",
            "<div><h3>相關新聞</h3><ul><li><a href=\"/a\">新魚市開幕</a></li><li><a href=\"/b\">海洋節登場</a></li></ul></div>",
            "<div><p>支持獨立的地方新聞。</p><a href=\"/join\">成為會員</a></div>",
            "<p>攝影：陳小明</p>",
            "<p>版權所有，轉載請註明出處。</p>",
        ],
    });
}

#[test]
fn japanese_needs_no_spaces() {
    check(&Page {
        lang: "ja",
        title: "ボランティアが古い灯台に再び明かりを",
        paragraphs: [
            "今年の春、町のボランティアたちが港の端にある古い灯台の修復を始めた。灯台は三十年以上も消えたままで、住民たちは市場や学校で資金を集め、石材やペンキを買いそろえた。",
            "年配の漁師によると、嵐の夜に船を港へ導いてきたのはこの灯台の光だったという。再び明かりがともれば、夜の漁はずっと安全になると彼は話す。毎日夕方になると、子どもたちが岸壁に集まって足場を組む作業員を眺めている。",
            "工事は夏の終わりまでに完了する見込みで、新しい灯りは岸壁での小さな式典で初めて点灯される。主催者は、その後週末には灯台を見学者に開放し、塔の上から海を眺められるようにしたいと考えている。",
        ],
        clutter: &[
            "<div>スポンサーリンク</div>",
            "<p>あわせて読みたい：<a href=\"/x\">漁船が次々と港へ戻る</a></p>",
            "<p>最新情報はメールマガジンに登録してお受け取りください。</p>",
            "<div><button>シェアする</button></div>",
            "<div><a href=\"#comments\">コメント（4）</a></div>",
            "<p>公開日：2024年5月3日</p>",
            "<div><a href=\"#main\">本文へスキップ</a></div>",
            "<div>この記事は約3分で読めます</div>",
            "<div><h3>関連記事</h3><ul><li><a href=\"/a\">新しい魚市場がオープン</a></li><li><a href=\"/b\">海の祭りが開幕</a></li></ul></div>",
            "<div><p>地域の報道を続けるために。</p><a href=\"/join\">会員登録</a></div>",
            "<p>写真：山田花子</p>",
            "<p>記事の無断転載を禁じます。</p>",
        ],
    });
}

#[test]
fn korean() {
    check(&Page {
        lang: "ko",
        title: "자원봉사자들, 낡은 등대에 다시 불을 밝히다",
        paragraphs: [
            "올봄 마을 자원봉사자들이 항구 끝에 있는 낡은 등대를 고치기 시작했다. 이 등대는 삼십 년 넘게 불이 꺼져 있었고, 주민들은 시장과 학교에서 돈을 모아 돌과 페인트를 샀다.",
            "한 나이 든 어부는 폭풍이 치는 밤마다 배들을 항구로 이끈 것이 바로 이 등대의 불빛이었다고 말했다. 그는 등대에 다시 불이 켜지면 밤바다에 나가는 일이 훨씬 안전해질 것이라고 덧붙였다.",
            "공사는 여름이 끝나기 전에 마무리될 예정이며, 새 등불은 부두에서 열리는 작은 행사에서 처음 켜진다. 주최 측은 이후 주말마다 등대를 방문객에게 개방해 꼭대기에서 바다를 볼 수 있게 할 계획이다.",
        ],
        clutter: &[
            "<div>광고</div>",
            "<p>관련기사: <a href=\"/x\">어선들 잇따라 귀항</a></p>",
            "<p>최신 소식을 받으려면 뉴스레터를 구독하세요.</p>",
            "<div><button>공유하기</button></div>",
            "<div><a href=\"#comments\">댓글 7</a></div>",
            "<p>입력: 2024.05.03 10:30</p>",
            "<div><a href=\"#main\">본문 바로가기</a></div>",
            "<div>3분 읽기</div>",
            "<div><h3>많이 본 뉴스</h3><ul><li><a href=\"/a\">새 수산시장 개장</a></li><li><a href=\"/b\">바다 축제 개막</a></li></ul></div>",
            "<div><p>지역 언론을 응원해 주세요.</p><a href=\"/support\">후원하기</a></div>",
            "<p>사진=김민수 기자</p>",
            "<p>ⓒ 마을신문, 무단 전재 및 재배포 금지</p>",
        ],
    });
}

#[test]
fn hindi() {
    check(&Page {
        lang: "hi",
        title: "स्वयंसेवकों ने पुराने प्रकाशस्तंभ को फिर से रोशन किया",
        paragraphs: [
            "इस वसंत में कस्बे के स्वयंसेवकों ने बंदरगाह के छोर पर खड़े पुराने प्रकाशस्तंभ की मरम्मत शुरू की। यह प्रकाशस्तंभ तीस साल से ज़्यादा समय से बुझा पड़ा था, और लोगों ने बाज़ार और स्कूलों में चंदा इकट्ठा करके पत्थर और रंग ख़रीदे।",
            "एक बुज़ुर्ग मछुआरे ने बताया कि तूफ़ानी रातों में इसी रोशनी ने नावों को सुरक्षित किनारे तक पहुँचाया था। उनका कहना है कि रोशनी लौटने से रात में समुद्र में जाना कहीं ज़्यादा सुरक्षित हो जाएगा।",
            "काम गर्मियों के अंत तक पूरा होने की उम्मीद है, जब घाट पर एक छोटे समारोह में नया दीपक पहली बार जलाया जाएगा। आयोजकों को उम्मीद है कि इसके बाद सप्ताहांत में लोग मीनार पर चढ़कर समुद्र देख सकेंगे।",
        ],
        clutter: &[
            "<div>विज्ञापन</div>",
            // "पढ़ें" with the precomposed letter U+095D, as many pages type it.
            "<p>यह भी प\u{095D}ें: <a href=\"/x\">मछली पकड़ने वाली नावें लौटीं</a></p>",
            "<p>ताज़ा ख़बरों के लिए हमारे न्यूज़लेटर की सदस्यता लें।</p>",
            "<div><button>शेयर करें</button></div>",
            "<div><a href=\"#comments\">टिप्पणियाँ (९)</a></div>",
            "<p>अपडेट: 03 मई 2024</p>",
            "<div><a href=\"#main\">मुख्य सामग्री पर जाएं</a></div>",
            "<div>पढ़ने का समय: 4 मिनट</div>",
            "<div><h3>संबंधित खबरें</h3><ul><li><a href=\"/a\">नया मछली बाज़ार खुला</a></li><li><a href=\"/b\">समुद्र उत्सव शुरू</a></li></ul></div>",
            "<div><p>स्थानीय पत्रकारिता को सहारा दें।</p><a href=\"/donate\">दान करें</a></div>",
            "<p>फोटो: राकेश शर्मा</p>",
        ],
    });
}

#[test]
fn bengali() {
    check(&Page {
        lang: "bn",
        title: "স্বেচ্ছাসেবকেরা পুরোনো বাতিঘরে আবার আলো জ্বালালেন",
        paragraphs: [
            "এই বসন্তে শহরের স্বেচ্ছাসেবকেরা বন্দরের শেষ প্রান্তের পুরোনো বাতিঘরটি মেরামত শুরু করেছেন। বাতিঘরটি ত্রিশ বছরেরও বেশি সময় ধরে নিভে ছিল, আর বাসিন্দারা বাজার ও স্কুল থেকে টাকা তুলে পাথর ও রং কিনেছেন।",
            "একজন প্রবীণ জেলে জানালেন, ঝড়ের রাতে এই বাতিঘরের আলোই নৌকাগুলোকে নিরাপদে ঘাটে ফিরিয়ে আনত। তাঁর মতে, আলো আবার জ্বললে রাতে সমুদ্রে যাওয়া অনেক বেশি নিরাপদ হবে।",
            "গ্রীষ্ম শেষ হওয়ার আগেই কাজ শেষ হবে বলে আশা করা হচ্ছে, তখন জেটিতে একটি ছোট অনুষ্ঠানে নতুন বাতি প্রথমবার জ্বালানো হবে। আয়োজকেরা চান, এরপর সপ্তাহান্তে দর্শনার্থীরা মিনারে উঠে সমুদ্র দেখতে পারবেন।",
        ],
        clutter: &[
            "<div>বিজ্ঞাপন</div>",
            // "পড়ুন" with the precomposed letter U+09DC.
            "<p>আরও প\u{09DC}ুন: <a href=\"/x\">নৌকাগুলো ঘাটে ফিরেছে</a></p>",
            "<p>সর্বশেষ খবরের জন্য আমাদের নিউজলেটারে সাবস্ক্রাইব করুন।</p>",
            // "শেয়ার" with the precomposed letter U+09DF.
            "<div><button>শে\u{09DF}ার করুন</button></div>",
            "<div><a href=\"#comments\">মন্তব্য (৩)</a></div>",
            "<p>প্রকাশিত: ০৩ মে ২০২৪</p>",
            "<div><a href=\"#main\">মূল বিষয়বস্তুতে যান</a></div>",
            "<div>পড়ার সময়: ৪ মিনিট</div>",
            "<div><h3>সম্পর্কিত খবর</h3><ul><li><a href=\"/a\">নতুন মাছের বাজার</a></li><li><a href=\"/b\">সমুদ্র উৎসব</a></li></ul></div>",
            "<div><p>স্বাধীন সাংবাদিকতার পাশে দাঁড়ান।</p><a href=\"/donate\">দান করুন</a></div>",
            "<p>ছবি: রহিম উদ্দিন</p>",
        ],
    });
}

#[test]
fn indonesian() {
    check(&Page {
        lang: "id",
        title: "Relawan menyalakan kembali mercusuar tua",
        paragraphs: [
            "Musim semi ini para relawan kota mulai memperbaiki mercusuar tua di ujung pelabuhan, yang sudah padam selama lebih dari tiga puluh tahun. Warga mengumpulkan dana di pasar dan sekolah untuk membeli batu dan cat.",
            "Seorang nelayan tua bercerita bahwa cahaya mercusuar itulah yang dulu menuntun perahu pulang pada malam-malam badai. Menurutnya, begitu lampu menyala lagi, melaut pada malam hari akan jauh lebih aman.",
            "Pekerjaan diperkirakan selesai sebelum akhir musim panas, ketika lampu baru dinyalakan untuk pertama kalinya dalam upacara kecil di dermaga. Panitia berharap menara itu kemudian dibuka bagi pengunjung setiap akhir pekan.",
        ],
        clutter: &[
            "<div>Iklan</div>",
            "<p>Baca juga: <a href=\"/x\">Perahu nelayan kembali ke pelabuhan</a></p>",
            "<p>Berlangganan newsletter kami untuk kabar terbaru setiap minggu.</p>",
            "<div><button>Bagikan</button></div>",
            "<div><a href=\"#comments\">Komentar (6)</a></div>",
            "<p>Diperbarui: 3 Mei 2024, 10.30 WIB</p>",
            "<div><a href=\"#main\">Langsung ke konten</a></div>",
            "<div>4 menit baca</div>",
            "<div><h3>Berita Terkait</h3><ul><li><a href=\"/a\">Pasar ikan baru dibuka</a></li><li><a href=\"/b\">Festival laut dimulai</a></li></ul></div>",
            "<div><p>Jurnalisme lokal butuh pembaca seperti Anda.</p><a href=\"/donasi\">Dukung kami</a></div>",
            "<p>Foto: Budi Santoso</p>",
            "<div>Ikuti kami di Instagram dan X.</div>",
        ],
    });
}

#[test]
fn vietnamese() {
    check(&Page {
        lang: "vi",
        title: "Tình nguyện viên thắp sáng lại ngọn hải đăng cũ",
        paragraphs: [
            "Mùa xuân năm nay, các tình nguyện viên của thị trấn bắt đầu sửa chữa ngọn hải đăng cũ ở cuối cảng, nơi đã tắt đèn hơn ba mươi năm. Người dân góp tiền ở chợ và trường học để mua đá và sơn.",
            "Một ngư dân lớn tuổi kể rằng chính ánh sáng của ngọn hải đăng đã dẫn thuyền về bến trong những đêm giông bão. Theo ông, khi đèn sáng trở lại, việc ra khơi ban đêm sẽ an toàn hơn nhiều.",
            "Công trình dự kiến hoàn thành trước khi hết mùa hè, khi ngọn đèn mới được thắp sáng lần đầu trong một buổi lễ nhỏ trên cầu tàu. Ban tổ chức hy vọng sau đó tháp sẽ mở cửa đón khách vào cuối tuần.",
        ],
        clutter: &[
            "<div>Quảng cáo</div>",
            "<p>Xem thêm: <a href=\"/x\">Tàu cá lần lượt trở về cảng</a></p>",
            "<p>Đăng ký nhận bản tin để không bỏ lỡ tin mới.</p>",
            "<div><button>Chia sẻ</button></div>",
            "<div><a href=\"#comments\">Bình luận (2)</a></div>",
            "<p>Cập nhật: 03/05/2024 10:30</p>",
            "<div><a href=\"#main\">Chuyển đến nội dung</a></div>",
            "<div>5 phút đọc</div>",
            "<div><h3>Tin liên quan</h3><ul><li><a href=\"/a\">Chợ cá mới khai trương</a></li><li><a href=\"/b\">Lễ hội biển khai mạc</a></li></ul></div>",
            "<div><p>Hãy đồng hành cùng báo địa phương.</p><a href=\"/ung-ho\">Ủng hộ</a></div>",
            "<p>Ảnh: Nguyễn Văn An</p>",
        ],
    });
}

#[test]
fn thai_needs_no_spaces() {
    check(&Page {
        lang: "th",
        title: "อาสาสมัครจุดไฟประภาคารเก่าอีกครั้ง",
        paragraphs: [
            "ฤดูใบไม้ผลินี้ อาสาสมัครในเมืองเริ่มซ่อมแซมประภาคารเก่าที่ปลายท่าเรือ ซึ่งดับมานานกว่าสามสิบปี ชาวบ้านช่วยกันเรี่ยไรเงินจากตลาดและโรงเรียนเพื่อซื้อหินและสี",
            "ชาวประมงสูงอายุคนหนึ่งเล่าว่า แสงจากประภาคารนี้เคยนำเรือกลับเข้าฝั่งอย่างปลอดภัยในคืนที่มีพายุ เขาเชื่อว่าเมื่อไฟกลับมาสว่างอีกครั้ง การออกเรือตอนกลางคืนจะปลอดภัยขึ้นมาก",
            "คาดว่างานจะเสร็จก่อนสิ้นฤดูร้อน เมื่อถึงตอนนั้นจะมีพิธีเล็กๆ บนท่าเทียบเรือเพื่อจุดไฟดวงใหม่เป็นครั้งแรก ผู้จัดหวังว่าหลังจากนั้นจะเปิดให้นักท่องเที่ยวขึ้นไปชมทะเลในวันหยุดสุดสัปดาห์",
        ],
        clutter: &[
            "<div>โฆษณา</div>",
            "<p>อ่านเพิ่มเติม : <a href=\"/x\">เรือประมงทยอยกลับเข้าฝั่ง</a></p>",
            "<p>สมัครรับจดหมายข่าวของเราเพื่อรับข่าวสารล่าสุด</p>",
            // Ends in a mark (U+0E4C) that is not alphanumeric.
            "<div><button>แชร์</button></div>",
            "<div><a href=\"#comments\">ความคิดเห็น (๓)</a></div>",
            "<p>อัปเดต: 3 พ.ค. 2567</p>",
            "<div><a href=\"#main\">ข้ามไปยังเนื้อหา</a></div>",
            "<div>เวลาในการอ่าน 4 นาที</div>",
            "<div><h3>ข่าวที่เกี่ยวข้อง</h3><ul><li><a href=\"/a\">ตลาดปลาแห่งใหม่เปิดแล้ว</a></li><li><a href=\"/b\">เทศกาลทะเลเริ่มขึ้น</a></li></ul></div>",
            "<div><p>ร่วมสนับสนุนสื่อท้องถิ่น</p><a href=\"/donate\">บริจาค</a></div>",
            "<p>ภาพ: สมชาย ใจดี</p>",
        ],
    });
}

#[test]
fn turkish() {
    check(&Page {
        lang: "tr",
        title: "Gönüllüler eski deniz fenerini yeniden yakıyor",
        paragraphs: [
            "Bu bahar kasabanın gönüllüleri, limanın ucundaki eski deniz fenerini onarmaya başladı. Fener otuz yılı aşkın süredir sönüktü; kasaba halkı taş ve boya almak için pazarda ve okullarda para topladı.",
            "Yaşlı bir balıkçı, fırtınalı gecelerde tekneleri limana güvenle getirenin bu fenerin ışığı olduğunu anlattı. Ona göre ışık yeniden yandığında gece denize açılmak çok daha güvenli olacak.",
            "Çalışmaların yaz bitmeden tamamlanması bekleniyor; yeni lamba ilk kez iskelede düzenlenecek küçük bir törenle yakılacak. Düzenleyiciler, fenerin daha sonra hafta sonları ziyaretçilere açılmasını umuyor.",
        ],
        clutter: &[
            "<div>Reklam</div>",
            // Capital dotted İ lowercases to "i" + U+0307.
            "<p>İLGİLİ HABER: <a href=\"/x\">Balıkçı tekneleri limana döndü</a></p>",
            "<p>Son haberler için bültenimize abone olun.</p>",
            "<div><button>Paylaş</button></div>",
            "<div><a href=\"#comments\">Yorumlar (4)</a></div>",
            "<p>Güncelleme: 03.05.2024 10:30</p>",
            "<div><a href=\"#main\">İçeriğe geç</a></div>",
            "<div>4 dakika okuma</div>",
            "<div><h3>En Çok Okunanlar</h3><ul><li><a href=\"/a\">Yeni balık pazarı açıldı</a></li><li><a href=\"/b\">Deniz festivali başladı</a></li></ul></div>",
            "<div><p>Yerel gazeteciliğe katkıda bulunun.</p><a href=\"/uye\">Üye ol</a></div>",
            "<p>Fotoğraf: Ayşe Yılmaz</p>",
            "<div>Sitemizde çerez kullanıyoruz.</div>",
        ],
    });
}

#[test]
fn polish() {
    check(&Page {
        lang: "pl",
        title: "Wolontariusze znów zapalają starą latarnię",
        paragraphs: [
            "Tej wiosny wolontariusze z miasteczka zaczęli remontować starą latarnię morską na końcu portu, która nie świeciła od ponad trzydziestu lat. Mieszkańcy zbierali pieniądze na targu i w szkołach, żeby kupić kamień i farbę.",
            "Jeden ze starszych rybaków opowiadał, że to właśnie światło latarni prowadziło łodzie do portu w burzowe noce. Jego zdaniem, gdy lampa znów zapłonie, nocne połowy staną się znacznie bezpieczniejsze.",
            "Prace mają się zakończyć przed końcem lata, kiedy nowa lampa zostanie zapalona po raz pierwszy podczas małej uroczystości na nabrzeżu. Organizatorzy liczą, że potem wieża będzie otwarta dla zwiedzających w weekendy.",
        ],
        clutter: &[
            "<div>Reklama</div>",
            "<p>Czytaj także: <a href=\"/x\">Kutry rybackie wracają do portu</a></p>",
            "<p>Zapisz się do newslettera, aby nie przegapić nowości.</p>",
            "<div><button>Udostępnij</button></div>",
            "<div><a href=\"#comments\">Komentarze (11)</a></div>",
            "<p>Aktualizacja: 03.05.2024, 10:30</p>",
            "<div><a href=\"#main\">Przejdź do treści</a></div>",
            "<div>5 min czytania</div>",
            "<div><h3>Zobacz także</h3><ul><li><a href=\"/a\">Nowy targ rybny otwarty</a></li><li><a href=\"/b\">Ruszył festiwal morza</a></li></ul></div>",
            "<div><p>Niezależne dziennikarstwo potrzebuje czytelników.</p><a href=\"/wsparcie\">Wesprzyj nas</a></div>",
            "<p>Zdjęcie: Anna Nowak</p>",
            "<p>Dalsza część artykułu pod reklamą</p>",
        ],
    });
}

#[test]
fn czech() {
    check(&Page {
        lang: "cs",
        title: "Dobrovolníci znovu rozsvěcují starý maják",
        paragraphs: [
            "Letos na jaře začali dobrovolníci z městečka opravovat starý maják na konci přístavu, který nesvítil přes třicet let. Obyvatelé vybírali peníze na trhu a ve školách, aby mohli koupit kámen a barvu.",
            "Jeden ze starých rybářů vyprávěl, že právě světlo majáku vodilo lodě za bouřlivých nocí bezpečně do přístavu. Podle něj bude noční rybaření mnohem bezpečnější, až se lampa znovu rozsvítí.",
            "Práce by měly skončit před koncem léta, kdy bude nová lampa poprvé rozsvícena při malé slavnosti na molu. Pořadatelé doufají, že potom bude věž o víkendech otevřená pro návštěvníky.",
        ],
        clutter: &[
            "<div>Komerční sdělení</div>",
            "<p>Čtěte také: <a href=\"/x\">Rybářské lodě se vracejí do přístavu</a></p>",
            "<p>Přihlaste se k odběru novinek z našeho města.</p>",
            "<div><button>Sdílet</button></div>",
            "<div><a href=\"#comments\">Diskuse (8)</a></div>",
            "<p>Aktualizováno: 3. 5. 2024 10:30</p>",
            "<div><a href=\"#main\">Přejít k obsahu</a></div>",
            "<div>4 min čtení</div>",
            "<div><h3>Související články</h3><ul><li><a href=\"/a\">Otevřel se nový rybí trh</a></li><li><a href=\"/b\">Začal festival moře</a></li></ul></div>",
            "<div><p>Nezávislá žurnalistika potřebuje čtenáře.</p><a href=\"/podpora\">Podpořte nás</a></div>",
            "<p>Foto: Jan Novák</p>",
        ],
    });
}

#[test]
fn swedish() {
    check(&Page {
        lang: "sv",
        title: "Frivilliga tänder den gamla fyren igen",
        paragraphs: [
            "I våras började frivilliga från orten att renovera den gamla fyren längst ut i hamnen, som hade varit släckt i mer än trettio år. Invånarna samlade in pengar på torget och i skolorna för att köpa sten och färg.",
            "En äldre fiskare berättade att det var fyrens ljus som förde båtarna tryggt i hamn under stormiga nätter. Han tror att nattfisket blir mycket säkrare när lampan tänds igen.",
            "Arbetet väntas bli klart innan sommaren är slut, då den nya lampan tänds för första gången vid en liten ceremoni på kajen. Arrangörerna hoppas att tornet sedan ska hållas öppet för besökare på helgerna.",
        ],
        clutter: &[
            "<div>Annons</div>",
            "<p>Läs också: <a href=\"/x\">Fiskebåtarna återvänder till hamnen</a></p>",
            "<p>Prenumerera på vårt nyhetsbrev och få nyheterna varje vecka.</p>",
            "<div><button>Dela</button></div>",
            "<div><a href=\"#comments\">Kommentarer (3)</a></div>",
            "<p>Publicerad: 2024-05-03 10:30</p>",
            "<div><a href=\"#main\">Hoppa till innehållet</a></div>",
            "<div>4 min läsning</div>",
            "<div><h3>Mest lästa</h3><ul><li><a href=\"/a\">Ny fiskmarknad öppnar</a></li><li><a href=\"/b\">Havsfestivalen har börjat</a></li></ul></div>",
            "<div><p>Lokal journalistik behöver dig.</p><a href=\"/medlem\">Bli medlem</a></div>",
            "<p>Foto: Erik Lind</p>",
        ],
    });
}

#[test]
fn romanian() {
    check(&Page {
        lang: "ro",
        title: "Voluntarii aprind din nou farul vechi",
        paragraphs: [
            "În această primăvară, voluntarii din oraș au început să repare farul vechi de la capătul portului, care nu mai luminase de peste treizeci de ani. Locuitorii au strâns bani la piață și în școli ca să cumpere piatră și vopsea.",
            "Un pescar în vârstă povestea că lumina farului a fost cea care a adus bărcile în siguranță în port în nopțile cu furtună. În opinia lui, când lampa se va aprinde din nou, pescuitul de noapte va fi mult mai sigur.",
            "Lucrările ar trebui să se încheie înainte de sfârșitul verii, când noua lampă va fi aprinsă pentru prima dată la o mică ceremonie pe chei. Organizatorii speră ca apoi turnul să fie deschis vizitatorilor în weekend.",
        ],
        clutter: &[
            "<div>Publicitate</div>",
            // Written with the comma-below letters (U+0219), where the
            // tables have the cedilla ones.
            "<p>Cite\u{0219}te \u{0219}i: <a href=\"/x\">Bărcile pescarilor se întorc în port</a></p>",
            "<p>Abonează-te la newsletter pentru veștile săptămânii.</p>",
            "<div><button>Distribuie</button></div>",
            "<div><a href=\"#comments\">Comentarii (5)</a></div>",
            "<p>Actualizat: 03.05.2024, 10:30</p>",
            "<div><a href=\"#main\">Sari la conținut</a></div>",
            "<div>4 min de citit</div>",
            "<div><h3>Articole similare</h3><ul><li><a href=\"/a\">S-a deschis piața de pește</a></li><li><a href=\"/b\">A început festivalul mării</a></li></ul></div>",
            "<div><p>Jurnalismul local are nevoie de tine.</p><a href=\"/doneaza\">Donează</a></div>",
            "<p>Foto: Ion Popescu</p>",
        ],
    });
}
