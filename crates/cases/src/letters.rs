//! The letters (文书) a case produces, as text: a built-in template per kind that an agency admin
//! may replace, with placeholders in Chinese (`{申请人}`, `{决定}` …) that clerks can read and edit.
//! Rendering to HTML or DOCX is the server's business; this module decides the words.

use serde::{Deserialize, Serialize};

use crate::outcome::Outcome;
use report::model::RowKey;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// 接收回执
    Receipt,
    /// 补正告知书
    Correction,
    /// 延期答复告知书
    Extension,
    /// 第三方征求意见书
    ThirdParty,
    /// 公开决定告知书 (to a third party whose objection is overridden, Art. 32)
    ThirdPartyDecision,
    /// 征求意见书 (to a co-producing agency)
    CoProducer,
    /// 收费通知书
    FeeNotice,
    /// 说明理由告知书 (Art. 35)
    Reasons,
    /// 政府信息公开申请答复书
    Reply,
}

impl LetterKind {
    pub const ALL: [LetterKind; 9] = [
        LetterKind::Receipt,
        LetterKind::Correction,
        LetterKind::Extension,
        LetterKind::ThirdParty,
        LetterKind::ThirdPartyDecision,
        LetterKind::CoProducer,
        LetterKind::FeeNotice,
        LetterKind::Reasons,
        LetterKind::Reply,
    ];

    pub fn title(self) -> &'static str {
        match self {
            LetterKind::Receipt => "政府信息公开申请接收回执",
            LetterKind::Correction => "政府信息公开申请补正告知书",
            LetterKind::Extension => "政府信息公开申请延期答复告知书",
            LetterKind::ThirdParty => "政府信息公开第三方意见征询书",
            LetterKind::ThirdPartyDecision => "政府信息公开决定告知书",
            LetterKind::CoProducer => "政府信息公开征求意见函",
            LetterKind::FeeNotice => "政府信息公开信息处理费缴费通知书",
            LetterKind::Reasons => "政府信息公开申请说明理由告知书",
            LetterKind::Reply => "政府信息公开申请答复书",
        }
    }

    /// The letter's character in the reference number: 凫政公**复**〔2025〕3号.
    pub fn ref_char(self) -> &'static str {
        match self {
            LetterKind::Receipt => "收",
            LetterKind::Correction => "补",
            LetterKind::Extension => "延",
            LetterKind::ThirdParty | LetterKind::CoProducer => "征",
            LetterKind::ThirdPartyDecision => "告",
            LetterKind::FeeNotice => "费",
            LetterKind::Reasons => "告",
            LetterKind::Reply => "复",
        }
    }

    /// The built-in template: paragraphs separated by blank lines.
    pub fn default_template(self) -> &'static str {
        match self {
            LetterKind::Receipt => {
                "{申请人}：\n\n本机关于{收到日期}收到您（单位）提出的政府信息公开申请，申请内容为：“{申请内容}”。查询码：{查询码}。\n\n根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在收到申请之日起20个工作日内（即{答复期限}前）予以答复；需要延长答复期限的，将另行告知。"
            }
            LetterKind::Correction => {
                "{申请人}：\n\n本机关于{收到日期}收到您（单位）提出的政府信息公开申请，申请内容为：“{申请内容}”。\n\n经审查，您的申请内容不明确，请补正以下事项：{补正事项}\n\n根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于收到本告知书之日起15个工作日内补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
            }
            LetterKind::Extension => {
                "{申请人}：\n\n本机关于{收到日期}收到您（单位）提出的政府信息公开申请，申请内容为：“{申请内容}”。\n\n因{延期理由}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，本机关将于{答复期限}前予以答复。"
            }
            LetterKind::ThirdParty => {
                "{第三方}：\n\n本机关收到政府信息公开申请，申请公开的信息涉及你方。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你方意见。请于收到本征询书之日起15个工作日内提出意见；逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知你方。\n\n申请公开的信息：{申请内容}"
            }
            LetterKind::ThirdPartyDecision => {
                "{第三方}：\n\n本机关就政府信息公开申请征求了你方意见，你方不同意公开。经审查，本机关认为不公开可能对公共利益造成重大影响，根据《中华人民共和国政府信息公开条例》第三十二条的规定，决定予以公开。\n\n决定公开的信息：{申请内容}\n\n理由：{理由}\n\n本机关将在本告知书送达之日起15个工作日后予以公开。你方如不服，可以依法申请行政复议或者提起行政诉讼。"
            }
            LetterKind::CoProducer => {
                "{第三方}：\n\n本机关收到政府信息公开申请，申请公开的信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见，请于收到本函之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。\n\n申请公开的信息：{申请内容}"
            }
            LetterKind::FeeNotice => {
                "{申请人}：\n\n本机关于{收到日期}收到您（单位）提出的政府信息公开申请，申请内容为：“{申请内容}”。\n\n根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》的规定，本次申请{计费方式}，应缴纳信息处理费{费用}。请您自收到本通知书次日起20个工作日内，持本通知书到本机关政府信息公开工作机构或者按本机关告知的非税收入缴款方式缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。本机关处理申请的期限自收到费用之日起重新计算。"
            }
            LetterKind::Reasons => {
                "{申请人}：\n\n本机关收到您（单位）提出的政府信息公开申请。根据《中华人民共和国政府信息公开条例》第三十五条的规定，因申请的数量、频次明显超过合理范围，请您于收到本告知书之日起15个工作日内说明理由。理由不合理的，本机关不予处理；理由合理但无法在规定期限内答复的，本机关将确定延迟答复的合理期限并告知您。"
            }
            LetterKind::Reply => {
                "{申请人}：\n\n本机关于{收到日期}收到您（单位）提出的政府信息公开申请，申请内容为：“{申请内容}”。\n\n经审查，现答复如下：{决定}\n\n{理由}\n\n以上答复的依据为{依据}。{获取方式}\n\n如对本答复不服，可以在收到本答复书之日起60日内向{复议机关}申请行政复议，或者在6个月内依法向人民法院提起行政诉讼。"
            }
        }
    }

    /// The placeholders the letter may use; an edited template with any other is refused.
    pub fn placeholders(self) -> &'static [&'static str] {
        const COMMON: [&str; 5] = ["申请人", "收到日期", "申请内容", "查询码", "答复期限"];
        match self {
            LetterKind::Receipt | LetterKind::Reasons => &COMMON,
            LetterKind::Correction => &[
                "申请人",
                "收到日期",
                "申请内容",
                "查询码",
                "答复期限",
                "补正事项",
            ],
            LetterKind::Extension => &[
                "申请人",
                "收到日期",
                "申请内容",
                "查询码",
                "答复期限",
                "延期理由",
                "延长天数",
            ],
            LetterKind::ThirdParty | LetterKind::CoProducer => &["第三方", "申请内容", "查询码"],
            LetterKind::ThirdPartyDecision => &["第三方", "申请内容", "查询码", "理由"],
            LetterKind::FeeNotice => &[
                "申请人",
                "收到日期",
                "申请内容",
                "查询码",
                "答复期限",
                "费用",
                "计费方式",
            ],
            LetterKind::Reply => &[
                "申请人",
                "收到日期",
                "申请内容",
                "查询码",
                "决定",
                "理由",
                "依据",
                "获取方式",
                "复议机关",
            ],
        }
    }

    /// What the clerk must type for this letter beyond what the case knows.
    pub fn inputs(self) -> &'static [&'static str] {
        match self {
            LetterKind::Correction => &["补正事项"],
            LetterKind::Extension => &["延期理由"],
            LetterKind::ThirdParty | LetterKind::CoProducer => &["第三方"],
            LetterKind::ThirdPartyDecision => &["第三方", "理由"],
            LetterKind::Reply => &["理由"],
            _ => &[],
        }
    }
}

/// The decision paragraph of a reply, one variant per outcome row.
pub fn decision(outcome: Outcome) -> &'static str {
    use RowKey::*;
    match outcome.row() {
        Granted => "您申请获取的政府信息属于公开范围，本机关予以公开。",
        PartlyGranted => {
            "您申请获取的政府信息中含有不应当公开的内容，本机关对可以公开的部分予以公开，对不应当公开的内容作区分处理后不予公开。"
        }
        DeniedStateSecret => "您申请获取的政府信息属于国家秘密，本机关不予公开。",
        DeniedLawProhibits => {
            "您申请获取的政府信息属于法律、行政法规禁止公开的信息，本机关不予公开。"
        }
        DeniedThreeSafety => {
            "您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关不予公开。"
        }
        DeniedThirdParty => {
            "您申请获取的政府信息涉及商业秘密、个人隐私等公开后可能损害第三方合法权益的内容，第三方不同意公开，本机关不予公开。"
        }
        DeniedInternalAffairs => {
            "您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关不予公开。"
        }
        DeniedProcessInfo => {
            "您申请获取的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关不予公开。"
        }
        DeniedEnforcementFile => "您申请获取的政府信息属于行政执法案卷信息，本机关不予公开。",
        DeniedAdminQuery => {
            "您提出的申请属于行政查询事项，不属于政府信息公开申请，本机关不予公开，请您通过相应渠道办理。"
        }
        UnableNotHeld => {
            "经检索查找，本机关未制作或者获取您申请公开的政府信息，该政府信息不存在；如属其他机关负责公开的，本机关已在理由中告知负责公开的机关名称及联系方式。"
        }
        UnableNeedsCreation => {
            "您申请获取的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。"
        }
        UnableUnclear => "经补正后，您的申请内容仍不明确，本机关无法提供。",
        NotProcessedPetition => {
            "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请您通过相应渠道提出。"
        }
        NotProcessedRepeat => "您重复申请公开相同的政府信息，本机关已作出答复，不予重复处理。",
        NotProcessedPublication => {
            "您申请获取的是公开出版物，本机关不予处理，请您通过公开渠道获取。"
        }
        NotProcessedMassive => "您申请的数量、频次明显超过合理范围且理由不合理，本机关不予处理。",
        NotProcessedReconfirm => "您要求本机关确认或者重新出具已获取的信息，本机关不予处理。",
        OtherNoCorrection => "您未在规定期限内补正申请，视为放弃申请，本机关不再处理。",
        OtherNoFee => "您未在规定期限内缴纳信息处理费，视为放弃申请，本机关不再处理。",
        _ => "本机关对您的申请作出如上处理。",
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    #[error("模板中的“{{{0}}}”不是该文书可用的字段；可用字段：{1}")]
    Unknown(String, String),
    #[error("模板中有未闭合的“{{”")]
    Unclosed,
    #[error("模板不能为空，且不超过{0}字")]
    Size(usize),
}

const MAX_TEMPLATE: usize = 5000;

/// Checks an admin's template before it is saved: every placeholder known, braces closed.
pub fn validate(kind: LetterKind, template: &str) -> Result<(), TemplateError> {
    let n = template.chars().count();
    if template.trim().is_empty() || n > MAX_TEMPLATE {
        return Err(TemplateError::Size(MAX_TEMPLATE));
    }
    fill(kind, template, |_| Some(String::new())).map(|_| ())
}

/// The template's paragraphs with every placeholder replaced by `value(name)`.
pub fn fill(
    kind: LetterKind,
    template: &str,
    value: impl Fn(&str) -> Option<String>,
) -> Result<Vec<String>, TemplateError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let after = after.get(1..).unwrap_or("");
        let close = after.find('}').ok_or(TemplateError::Unclosed)?;
        let (name, tail) = after.split_at(close);
        if !kind.placeholders().contains(&name) {
            return Err(TemplateError::Unknown(
                name.to_string(),
                kind.placeholders().join("、"),
            ));
        }
        out.push_str(&value(name).unwrap_or_default());
        rest = tail.get(1..).unwrap_or("");
    }
    out.push_str(rest);
    Ok(out
        .replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_template_is_valid() {
        for kind in LetterKind::ALL {
            assert_eq!(validate(kind, kind.default_template()), Ok(()), "{kind:?}");
            for input in kind.inputs() {
                assert!(kind.placeholders().contains(input), "{kind:?} {input}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_refused() {
        let got = fill(
            LetterKind::Receipt,
            "{申请人}：\n\n收到，查询码{查询码}。",
            |k| Some(format!("<{k}>")),
        );
        assert_eq!(
            got,
            Ok(vec![
                "<申请人>：".to_string(),
                "收到，查询码<查询码>。".to_string()
            ])
        );
        assert!(matches!(
            validate(LetterKind::Receipt, "{决定}"),
            Err(TemplateError::Unknown(name, _)) if name == "决定"
        ));
        assert_eq!(
            validate(LetterKind::Reply, "未闭合{申请人"),
            Err(TemplateError::Unclosed)
        );
        assert_eq!(
            validate(LetterKind::Reply, "  "),
            Err(TemplateError::Size(5000))
        );
    }

    #[test]
    fn every_outcome_has_its_own_decision() {
        let texts: std::collections::HashSet<_> = Outcome::all().map(decision).collect();
        // other_other shares the generic sentence with nothing else.
        assert_eq!(texts.len(), Outcome::all().count());
    }
}
