//! `gongkai agency` and `gongkai user`: setting up a real installation — the agencies and the
//! first accounts — before (or beside) the server. A new user's password is generated and
//! printed once; only its argon2 hash is stored.

use anyhow::{Context, bail};
use cases::Role;
use clap::Subcommand;
use storage::{AgencyId, NewUser, Store};

#[derive(Subcommand)]
pub enum AgencyCmd {
    /// Add an agency (a township, a department …) under an optional parent.
    Add {
        #[arg(long)]
        db: String,
        name: String,
        #[arg(long)]
        parent: Option<i64>,
        /// Reference-number prefix of its letters, e.g. 凫政公
        #[arg(long, default_value = "")]
        letter_prefix: String,
        /// Where administrative reconsideration is heard, as its letters name it
        #[arg(long, default_value = "")]
        review_body: String,
    },
    /// List the agencies with their ids.
    List {
        #[arg(long)]
        db: String,
    },
}

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a staff account; its password is printed once.
    Add {
        #[arg(long)]
        db: String,
        #[arg(long)]
        agency: i64,
        #[arg(long)]
        login: String,
        #[arg(long)]
        name: String,
        /// registrar, handler, approver, agency_admin or supervisor
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: Option<String>,
    },
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

pub fn agency(cmd: AgencyCmd) -> anyhow::Result<()> {
    runtime()?.block_on(async {
        match cmd {
            AgencyCmd::Add {
                db,
                name,
                parent,
                letter_prefix,
                review_body,
            } => {
                let store = storage::connect(&db)
                    .await
                    .with_context(|| format!("opening {db}"))?;
                let name = name.trim();
                if name.is_empty() || name.chars().count() > 100 {
                    bail!("机关名称不能为空，且不超过100字");
                }
                if let Some(p) = parent {
                    store
                        .agency(AgencyId(p))
                        .await
                        .with_context(|| format!("上级机关{p}"))?;
                }
                let id = store.create_agency(name, parent.map(AgencyId)).await?;
                store
                    .update_agency(id, letter_prefix.trim(), review_body.trim())
                    .await?;
                println!("已添加机关 {} {name}", id.0);
            }
            AgencyCmd::List { db } => {
                let store = storage::connect(&db)
                    .await
                    .with_context(|| format!("opening {db}"))?;
                for a in store.agencies().await? {
                    let parent = a
                        .parent
                        .map(|p| format!("（上级 {}）", p.0))
                        .unwrap_or_default();
                    println!("{:>4}  {}{parent}", a.id.0, a.name);
                }
            }
        }
        Ok(())
    })
}

/// A role by its snake_case name.
pub fn parse_role(raw: &str) -> anyhow::Result<Role> {
    use serde::Deserialize;
    use serde::de::value::{Error, StrDeserializer};
    Role::deserialize(StrDeserializer::<Error>::new(raw.trim())).map_err(|_| {
        anyhow::anyhow!("角色应为 registrar、handler、approver、agency_admin 或 supervisor")
    })
}

pub fn user(cmd: UserCmd) -> anyhow::Result<()> {
    runtime()?.block_on(async {
        let UserCmd::Add {
            db,
            agency,
            login,
            name,
            role,
            email,
        } = cmd;
        let store = storage::connect(&db)
            .await
            .with_context(|| format!("opening {db}"))?;
        let role = parse_role(&role)?;
        store
            .agency(AgencyId(agency))
            .await
            .with_context(|| format!("机关{agency}"))?;
        let password = web::new_password()?;
        let hash = web::hash_password(&password)?;
        let new = NewUser {
            agency: AgencyId(agency),
            login: login.trim(),
            name: name.trim(),
            role,
            password_hash: &hash,
            email: email.as_deref(),
        };
        match store.create_user(&new).await {
            Ok(_) => {
                println!(
                    "已添加账号 {}（{}），初始密码：{password}",
                    new.login,
                    role.label()
                );
                Ok(())
            }
            Err(e) if e.is_conflict() => bail!("用户名 {} 已被使用", new.login),
            Err(e) => Err(e.into()),
        }
    })
}
