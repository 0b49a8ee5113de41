//! What an applicant submits (条例第二十九条): who they are, how to reach them, what they ask
//! for and how they want it. Each field is parsed once into a type that cannot hold a bad value;
//! the errors name the field in the words of the form.
//!
//! Everything here but the request's form and delivery is personal information: the server keeps
//! it apart from the case and shows it only to staff handling the case.

use serde::{Deserialize, Serialize};

use crate::applicant::ApplicantKind;

/// One field of the form that could not be accepted, and why, in the form's own words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}：{message}")]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn field_error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Trimmed text of 1..=`max` characters with no control characters (line breaks allowed where
/// `multiline`).
fn text(field: &'static str, raw: &str, max: usize, multiline: bool) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(field_error(field, "不能为空"));
    }
    let n = t.chars().count();
    if n > max {
        return Err(field_error(field, format!("最多{max}个字，现有{n}个字")));
    }
    let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t'));
    if t.chars().any(bad) {
        return Err(field_error(field, "含有不可见的控制字符"));
    }
    Ok(t.to_string())
}

fn optional(raw: Option<&str>) -> Option<&str> {
    raw.map(str::trim).filter(|s| !s.is_empty())
}

/// The kinds of identity document the form offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 居民身份证 (GB 11643, checked)
    ResidentId,
    /// 统一社会信用代码 (GB 32100, checked)
    CreditCode,
    Passport,
    Other,
}

impl DocKind {
    pub const ALL: [DocKind; 4] = [
        DocKind::ResidentId,
        DocKind::CreditCode,
        DocKind::Passport,
        DocKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DocKind::ResidentId => "居民身份证",
            DocKind::CreditCode => "统一社会信用代码",
            DocKind::Passport => "护照",
            DocKind::Other => "其他证件",
        }
    }
}

/// An identity document whose number passed the check its kind allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdDocument {
    pub kind: DocKind,
    pub number: String,
}

impl IdDocument {
    pub fn parse(kind: DocKind, raw: &str) -> Result<IdDocument, FieldError> {
        const FIELD: &str = "证件号码";
        let number: String = raw
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if number.is_empty() {
            return Err(field_error(FIELD, "不能为空"));
        }
        let ok = match kind {
            DocKind::ResidentId => resident_id_ok(&number),
            DocKind::CreditCode => credit_code_ok(&number),
            DocKind::Passport | DocKind::Other => {
                number.len() <= 30
                    && number
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-')
            }
        };
        if !ok {
            let why = match kind {
                DocKind::ResidentId => "不是有效的18位居民身份证号码（校验位不符）",
                DocKind::CreditCode => "不是有效的18位统一社会信用代码（校验位不符）",
                DocKind::Passport | DocKind::Other => "只能包含字母、数字和连字符，最多30位",
            };
            return Err(field_error(FIELD, why));
        }
        Ok(IdDocument { kind, number })
    }

    /// As staff lists show it: enough to tell two applicants apart, not enough to misuse.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.number.chars().collect();
        let keep = 4.min(chars.len());
        let hidden = chars.len().saturating_sub(keep);
        let tail: String = chars.iter().skip(hidden).collect();
        format!("{}{}", "*".repeat(hidden), tail)
    }
}

// Lengths are checked first and the sums are of a few small numbers, so the indexing and
// arithmetic below cannot fail.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
/// GB 11643-1999: 17 digits and a check character (0–9 or X) from weighted sums mod 11.
fn resident_id_ok(n: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = n.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize) == Some(&bytes[17])
}

#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
/// GB 32100-2015: 18 characters from a 31-character alphabet, the last a weighted check mod 31.
fn credit_code_ok(n: &str) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let values: Option<Vec<usize>> = n.chars().map(|c| ALPHABET.find(c)).collect();
    let Some(values) = values.filter(|v| v.len() == 18) else {
        return false;
    };
    let sum: usize = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    let check = (31 - sum % 31) % 31;
    values[17] == check
}

/// A telephone number as people write them: digits with optional +, -, spaces and parentheses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(raw: &str) -> Result<Phone, FieldError> {
        let t = raw.trim();
        let digits = t.chars().filter(char::is_ascii_digit).count();
        let allowed = t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')' | '转'));
        if !allowed || !(7..=20).contains(&digits) {
            return Err(field_error(
                "联系电话",
                "应为7到20位数字，可含“-”、空格和括号",
            ));
        }
        Ok(Phone(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An e-mail address: one `@`, a dotted domain, no spaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let t = raw.trim();
        let ok = match t.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && t.len() <= 254
                    && !t.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if !ok {
            return Err(field_error("电子邮箱", "格式不正确，例如 name@example.cn"));
        }
        Ok(Email(t.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who applied and how to reach them. Personal information throughout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applicant {
    pub kind: ApplicantKind,
    /// A person's name or an organisation's.
    pub name: String,
    pub document: IdDocument,
    /// For organisations: the person to contact.
    pub contact_person: Option<String>,
    pub phone: Option<Phone>,
    pub email: Option<Email>,
    pub address: Option<String>,
}

impl Applicant {
    /// The key under which one applicant's applications are counted together (按件收费 counts
    /// them per calendar month): the document's kind and number, never the name, which two people
    /// may share.
    pub fn identity(&self) -> String {
        let kind = match self.document.kind {
            DocKind::ResidentId => "resident_id",
            DocKind::CreditCode => "credit_code",
            DocKind::Passport => "passport",
            DocKind::Other => "other",
        };
        format!("{kind}:{}", self.document.number)
    }
}

/// 载体形式: the form the information is wanted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoForm {
    Paper,
    Electronic,
    Either,
}

impl InfoForm {
    pub const ALL: [InfoForm; 3] = [InfoForm::Paper, InfoForm::Electronic, InfoForm::Either];
    pub fn label(self) -> &'static str {
        match self {
            InfoForm::Paper => "纸质文本",
            InfoForm::Electronic => "电子数据",
            InfoForm::Either => "均可",
        }
    }
}

/// 获取方式: how the information is to reach the applicant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Post,
    Email,
    Fax,
    Collect,
    OnSite,
}

impl Delivery {
    pub const ALL: [Delivery; 5] = [
        Delivery::Post,
        Delivery::Email,
        Delivery::Fax,
        Delivery::Collect,
        Delivery::OnSite,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Delivery::Post => "邮寄",
            Delivery::Email => "电子邮件",
            Delivery::Fax => "传真",
            Delivery::Collect => "自行领取",
            Delivery::OnSite => "当场阅读、抄录",
        }
    }
}

/// What is asked for (条例第二十九条第二款第二项: 名称、文号或者便于查询的其他特征性描述).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub description: String,
    pub form: InfoForm,
    pub delivery: Delivery,
}

/// The form as submitted, every field still text: the one input the parsers below accept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawApplication {
    pub kind: String,
    pub name: String,
    pub doc_kind: String,
    pub doc_number: String,
    #[serde(default)]
    pub contact_person: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    pub description: String,
    pub form: String,
    pub delivery: String,
}

/// One of an enum's snake_case names, as the form's `<select>` sends it.
fn choice<T: serde::de::DeserializeOwned>(field: &'static str, raw: &str) -> Result<T, FieldError> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(raw.trim()))
        .map_err(|_| field_error(field, "请从列表中选择"))
}

impl RawApplication {
    /// Every field checked; all problems reported at once so the applicant fixes them in one go.
    pub fn parse(&self) -> Result<(Applicant, Request), Vec<FieldError>> {
        let mut errors = Vec::new();
        // A macro, not a closure: the fields have different types.
        macro_rules! keep {
            ($r:expr) => {
                match $r {
                    Ok(v) => Some(v),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                }
            };
        }
        let kind = keep!(choice("申请人类型", &self.kind));
        let name = keep!(text("姓名或名称", &self.name, 100, false));
        let doc_kind = keep!(choice("证件类型", &self.doc_kind));
        let document = doc_kind.and_then(|k| keep!(IdDocument::parse(k, &self.doc_number)));
        let contact_person = optional(self.contact_person.as_deref())
            .and_then(|s| keep!(text("联系人", s, 50, false)));
        let phone = optional(self.phone.as_deref()).and_then(|s| keep!(Phone::parse(s)));
        let email = optional(self.email.as_deref()).and_then(|s| keep!(Email::parse(s)));
        let address =
            optional(self.address.as_deref()).and_then(|s| keep!(text("通信地址", s, 200, false)));
        let description = keep!(text("所需信息的描述", &self.description, 2000, true));
        let form = keep!(choice("载体形式", &self.form));
        let delivery = keep!(choice("获取方式", &self.delivery));
        let given = |f: &Option<String>| optional(f.as_deref()).is_some();
        if !given(&self.phone) && !given(&self.email) && !given(&self.address) {
            errors.push(field_error(
                "联系方式",
                "联系电话、电子邮箱、通信地址至少填写一项",
            ));
        }
        if delivery == Some(Delivery::Email) && !given(&self.email) {
            errors.push(field_error("电子邮箱", "选择电子邮件获取时必须填写"));
        }
        if delivery == Some(Delivery::Post) && !given(&self.address) {
            errors.push(field_error("通信地址", "选择邮寄获取时必须填写"));
        }
        match (kind, name, document, description, form, delivery) {
            (
                Some(kind),
                Some(name),
                Some(document),
                Some(description),
                Some(form),
                Some(delivery),
            ) if errors.is_empty() => Ok((
                Applicant {
                    kind,
                    name,
                    document,
                    contact_person,
                    phone,
                    email,
                    address,
                },
                Request {
                    description,
                    form,
                    delivery,
                },
            )),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawApplication {
        RawApplication {
            kind: "natural".into(),
            name: "张三".into(),
            doc_kind: "resident_id".into(),
            doc_number: "11010519491231002X".into(),
            phone: Some("0632-1234567".into()),
            description: "2025年本镇农村道路建设项目的招标文件".into(),
            form: "electronic".into(),
            delivery: "collect".into(),
            ..RawApplication::default()
        }
    }

    #[test]
    fn a_good_form_parses() {
        let (a, r) = raw().parse().unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(a.kind, ApplicantKind::Natural);
        assert_eq!(a.document.masked(), "**************002X");
        assert_eq!(r.delivery, Delivery::Collect);
    }

    #[test]
    fn identity_numbers_are_checked() {
        let cases = [
            (DocKind::ResidentId, "11010519491231002X", true),
            (DocKind::ResidentId, "110105194912310021", false),
            (DocKind::ResidentId, "11010519491231002x", true),
            (DocKind::ResidentId, "1101051949123100", false),
            (DocKind::CreditCode, "91350100M000100Y43", true),
            (DocKind::CreditCode, "91350100M000100Y44", false),
            (DocKind::CreditCode, "91350100M000100YI3", false),
            (DocKind::Passport, "E12345678", true),
            (DocKind::Passport, "E123 456<78", false),
            (DocKind::Other, "", false),
        ];
        for (kind, number, ok) in cases {
            assert_eq!(IdDocument::parse(kind, number).is_ok(), ok, "{number}");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = RawApplication {
            kind: "robot".into(),
            name: "  ".into(),
            phone: Some("12".into()),
            email: Some("not-an-address".into()),
            delivery: "email".into(),
            ..raw()
        };
        let errors = bad.parse().err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["申请人类型", "姓名或名称", "联系电话", "电子邮箱"]);
        assert!(errors.iter().all(|e| !e.message.is_empty()));
    }

    #[test]
    fn some_contact_is_required_and_matches_delivery() {
        let none = RawApplication {
            phone: None,
            ..raw()
        };
        let errors = none.parse().err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors.first().map(|e| e.field), Some("联系方式"));
        let post = RawApplication {
            delivery: "post".into(),
            ..raw()
        };
        let errors = post.parse().err().unwrap_or_default();
        assert_eq!(errors.first().map(|e| e.field), Some("通信地址"));
    }

    #[test]
    fn text_limits_and_control_characters() {
        assert!(text("x", &"字".repeat(101), 100, false).is_err());
        assert!(text("x", "a\u{0}b", 100, true).is_err());
        assert!(text("x", "第一行\n第二行", 100, true).is_ok());
        assert!(text("x", "第一行\n第二行", 100, false).is_err());
    }
}
