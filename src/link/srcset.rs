//! The candidates of a `srcset` attribute, split as the HTML standard's
//! "parse a srcset attribute" does: a URL is a run of non-whitespace (it may
//! hold commas, as in `/upload/c_fill,w_800/a.jpg`), trailing commas ending
//! it; its descriptors run to the next comma.

/// One image candidate of a `srcset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    /// The candidate's URL, as written.
    pub url: &'a str,
    /// Its descriptors (`800w`, `2x`), trimmed; empty when none.
    pub descriptors: &'a str,
}

/// Every candidate of `srcset` with a non-empty URL, in order.
pub fn srcset_candidates(srcset: &str) -> Vec<Candidate<'_>> {
    let mut out = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        let (url, descriptors, next) = if url.ends_with(',') {
            (url.trim_end_matches(','), "", after)
        } else {
            let d_end = after.find(',').unwrap_or(after.len());
            (url, after[..d_end].trim(), &after[d_end..])
        };
        if !url.is_empty() {
            out.push(Candidate { url, descriptors });
        }
        rest = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(s: &str) -> Vec<&str> {
        srcset_candidates(s).iter().map(|c| c.url).collect()
    }

    #[test]
    fn commas_inside_urls_stay_in_them() {
        let s = "https://img.example/upload/c_fill,w_80/a.jpg 80w, \
                 https://img.example/upload/c_fit,w_800/a.jpg 800w";
        assert_eq!(
            srcset_candidates(s),
            vec![
                Candidate {
                    url: "https://img.example/upload/c_fill,w_80/a.jpg",
                    descriptors: "80w"
                },
                Candidate {
                    url: "https://img.example/upload/c_fit,w_800/a.jpg",
                    descriptors: "800w"
                },
            ]
        );
    }

    #[test]
    fn separators_without_spaces_and_trailing_commas() {
        assert_eq!(urls("a.jpg 1x,b.jpg 2x"), ["a.jpg", "b.jpg"]);
        assert_eq!(urls("a.jpg, b.jpg 2x"), ["a.jpg", "b.jpg"]);
        assert_eq!(urls("a.jpg,, b.jpg,"), ["a.jpg", "b.jpg"]);
        assert_eq!(urls(" one.png "), ["one.png"]);
        assert!(urls(" , ,").is_empty());
        assert_eq!(srcset_candidates("x.jpg  2x  ")[0].descriptors, "2x");
    }
}
