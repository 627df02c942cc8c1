//! The kinds of clutter the classifier names.

use serde::{Deserialize, Serialize};

/// What a removed block was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClutterKind {
    /// Donation and reader-revenue appeals.
    Donation,
    /// "Become a member" / "Join" boxes and links.
    MembershipCta,
    /// Subscribe and sign-in offers.
    SubscriptionCta,
    /// E-mail sign-up forms with their labels and messages.
    NewsletterForm,
    /// Metered-access and paywall layers.
    Paywall,
    /// Cookie and consent banners.
    Cookie,
    /// Related-story cards and teasers.
    Related,
    /// "Read more:" link lines between paragraphs.
    ReadMoreLinks,
    /// Recommendation widgets and sponsored links.
    Recommended,
    /// Most-read and popular lists.
    MostRead,
    /// Other sidebar modules.
    Sidebar,
    /// Comment sections and their controls.
    Comments,
    /// Share rows, like and repost counters.
    Share,
    /// Ad slots and their labels.
    Ads,
    /// Author bio boxes.
    Bio,
    /// "Contact the author" lines.
    AuthorContact,
    /// Skip links, menus, search forms.
    Nav,
    /// Breadcrumb trails.
    Breadcrumbs,
    /// Footer link lists and legal lines.
    Footer,
    /// App download banners.
    AppBanner,
    /// Sticky bars.
    StickyFooter,
    /// Pop-ups and modals.
    Popup,
    /// Staff-only controls such as "Edit post".
    Admin,
    /// Reading-time labels.
    Meta,
    /// "Listen to this article" players and notes.
    AudioPlayer,
    /// Slideshow buttons and counters.
    GalleryControls,
    /// Topic and tag lists.
    Tags,
    /// Tables of contents.
    Toc,
    /// "Was this helpful?" widgets.
    Feedback,
    /// Affiliate-link notices.
    AffiliateDisclosure,
    /// Live-blog controls.
    LiveControls,
    /// Republishing and licensing modules.
    Republish,
}

impl ClutterKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClutterKind; 32] = [
        ClutterKind::Donation,
        ClutterKind::MembershipCta,
        ClutterKind::SubscriptionCta,
        ClutterKind::NewsletterForm,
        ClutterKind::Paywall,
        ClutterKind::Cookie,
        ClutterKind::Related,
        ClutterKind::ReadMoreLinks,
        ClutterKind::Recommended,
        ClutterKind::MostRead,
        ClutterKind::Sidebar,
        ClutterKind::Comments,
        ClutterKind::Share,
        ClutterKind::Ads,
        ClutterKind::Bio,
        ClutterKind::AuthorContact,
        ClutterKind::Nav,
        ClutterKind::Breadcrumbs,
        ClutterKind::Footer,
        ClutterKind::AppBanner,
        ClutterKind::StickyFooter,
        ClutterKind::Popup,
        ClutterKind::Admin,
        ClutterKind::Meta,
        ClutterKind::AudioPlayer,
        ClutterKind::GalleryControls,
        ClutterKind::Tags,
        ClutterKind::Toc,
        ClutterKind::Feedback,
        ClutterKind::AffiliateDisclosure,
        ClutterKind::LiveControls,
        ClutterKind::Republish,
    ];

    /// The kebab-case name, as serialised (`"membership-cta"`).
    pub fn name(self) -> &'static str {
        match self {
            ClutterKind::Donation => "donation",
            ClutterKind::MembershipCta => "membership-cta",
            ClutterKind::SubscriptionCta => "subscription-cta",
            ClutterKind::NewsletterForm => "newsletter-form",
            ClutterKind::Paywall => "paywall",
            ClutterKind::Cookie => "cookie",
            ClutterKind::Related => "related",
            ClutterKind::ReadMoreLinks => "read-more-links",
            ClutterKind::Recommended => "recommended",
            ClutterKind::MostRead => "most-read",
            ClutterKind::Sidebar => "sidebar",
            ClutterKind::Comments => "comments",
            ClutterKind::Share => "share",
            ClutterKind::Ads => "ads",
            ClutterKind::Bio => "bio",
            ClutterKind::AuthorContact => "author-contact",
            ClutterKind::Nav => "nav",
            ClutterKind::Breadcrumbs => "breadcrumbs",
            ClutterKind::Footer => "footer",
            ClutterKind::AppBanner => "app-banner",
            ClutterKind::StickyFooter => "sticky-footer",
            ClutterKind::Popup => "popup",
            ClutterKind::Admin => "admin",
            ClutterKind::Meta => "meta",
            ClutterKind::AudioPlayer => "audio-player",
            ClutterKind::GalleryControls => "gallery-controls",
            ClutterKind::Tags => "tags",
            ClutterKind::Toc => "toc",
            ClutterKind::Feedback => "feedback",
            ClutterKind::AffiliateDisclosure => "affiliate-disclosure",
            ClutterKind::LiveControls => "live-controls",
            ClutterKind::Republish => "republish",
        }
    }

    /// A short human label for a block of this kind, in English
    /// (`"newsletter sign-up form"`): what a reader shows in place of the
    /// removed block.
    pub fn label(self) -> &'static str {
        match self {
            ClutterKind::Donation => "donation appeal",
            ClutterKind::MembershipCta => "membership offer",
            ClutterKind::SubscriptionCta => "subscription offer",
            ClutterKind::NewsletterForm => "newsletter sign-up form",
            ClutterKind::Paywall => "paywall notice",
            ClutterKind::Cookie => "cookie notice",
            ClutterKind::Related => "related stories",
            ClutterKind::ReadMoreLinks => "read-more links",
            ClutterKind::Recommended => "recommended links",
            ClutterKind::MostRead => "most-read list",
            ClutterKind::Sidebar => "sidebar",
            ClutterKind::Comments => "comments",
            ClutterKind::Share => "share buttons",
            ClutterKind::Ads => "advertisement",
            ClutterKind::Bio => "author bio",
            ClutterKind::AuthorContact => "author contact line",
            ClutterKind::Nav => "navigation",
            ClutterKind::Breadcrumbs => "breadcrumb trail",
            ClutterKind::Footer => "footer links",
            ClutterKind::AppBanner => "app banner",
            ClutterKind::StickyFooter => "sticky bar",
            ClutterKind::Popup => "pop-up",
            ClutterKind::Admin => "editing controls",
            ClutterKind::Meta => "reading-time label",
            ClutterKind::AudioPlayer => "audio player",
            ClutterKind::GalleryControls => "gallery controls",
            ClutterKind::Tags => "topic tags",
            ClutterKind::Toc => "table of contents",
            ClutterKind::Feedback => "feedback prompt",
            ClutterKind::AffiliateDisclosure => "affiliate notice",
            ClutterKind::LiveControls => "live-blog controls",
            ClutterKind::Republish => "republishing notice",
        }
    }

    /// Whether a block of this kind is a list of links or entries, whose
    /// items a reader counts ("related stories (5)").
    pub fn is_list(self) -> bool {
        matches!(
            self,
            ClutterKind::Related
                | ClutterKind::ReadMoreLinks
                | ClutterKind::Recommended
                | ClutterKind::MostRead
                | ClutterKind::Nav
                | ClutterKind::Breadcrumbs
                | ClutterKind::Footer
                | ClutterKind::Tags
                | ClutterKind::Toc
                | ClutterKind::Comments
                | ClutterKind::Share
        )
    }

    /// The kind named `name` (kebab-case), if any.
    pub fn from_name(name: &str) -> Option<ClutterKind> {
        ClutterKind::ALL.into_iter().find(|k| k.name() == name)
    }
}
