//! The public application form: any text in any field is accepted or refused field by field,
//! never a panic; what is accepted holds no control characters and passes its own checks again.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    // Fields separated by U+001F, as many as the form has; missing ones are empty.
    let mut f = text.split('\u{1f}').map(str::to_string);
    let mut next = || f.next().unwrap_or_default();
    let raw = cases::RawApplication {
        kind: next(),
        name: next(),
        doc_kind: next(),
        doc_number: next(),
        contact_person: Some(next()).filter(|s| !s.is_empty()),
        phone: Some(next()).filter(|s| !s.is_empty()),
        email: Some(next()).filter(|s| !s.is_empty()),
        address: Some(next()).filter(|s| !s.is_empty()),
        description: next(),
        form: next(),
        delivery: next(),
    };
    if let Ok((applicant, request)) = raw.parse() {
        assert!(!applicant.name.chars().any(char::is_control));
        assert!(!request.description.trim().is_empty());
        let again = cases::IdDocument::parse(applicant.document.kind, &applicant.document.number);
        assert_eq!(again.as_ref(), Ok(&applicant.document));
        let _ = applicant.document.masked();
        let _ = applicant.identity();
    }
    for kind in cases::DocKind::ALL {
        let _ = cases::IdDocument::parse(kind, text).map(|d| d.masked());
    }
});
