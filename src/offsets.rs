//! The one place that turns byte offsets into code point offsets.

/// Converts byte offsets of one text into code point offsets, walking the
/// text once when the offsets come in increasing order.
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    cp: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> CodePoints<'a> {
        CodePoints {
            text,
            byte: 0,
            cp: 0,
        }
    }

    /// The code point offset of `byte`, a character boundary of the text.
    pub fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.cp = 0;
        }
        self.cp += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.cp
    }
}

#[cfg(test)]
mod tests {
    use super::CodePoints;

    #[test]
    fn counts_code_points_forward_and_back() {
        let t = "في بغداد";
        let mut cp = CodePoints::new(t);
        assert_eq!(cp.at(0), 0);
        assert_eq!(cp.at(t.find('ب').unwrap()), 3);
        assert_eq!(cp.at(t.len()), 8);
        assert_eq!(cp.at(2), 1);
    }
}
