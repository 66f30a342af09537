//! Where the join page listens when the facilitator did not say: an address
//! of this laptop that phones on the same network can reach. The choice is
//! a pure function of the interface list, so it is tested on made-up lists;
//! only [`interfaces`] asks the system.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// One address of one network interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iface {
    pub name: String,
    pub ip: IpAddr,
    /// The interface is up and running.
    pub up: bool,
}

/// The addresses phones may reach, best first: private IPv4 ranges
/// (10/8, 172.16/12, 192.168/16), then unique local IPv6 (fd00::/8), then
/// the rest. Loopback, link-local, interfaces that are down and the
/// bridges of containers and virtual machines (last resort only) are
/// sorted out. Empty: only this laptop can open the page.
pub fn reachable(list: &[Iface]) -> Vec<IpAddr> {
    let mut found: Vec<(u8, bool, usize, IpAddr)> = list
        .iter()
        .enumerate()
        .filter(|(_, i)| i.up && usable(i.ip))
        .map(|(n, i)| (rank(i.ip), is_virtual(&i.name), n, i.ip))
        .collect();
    // Within a rank, real interfaces before virtual ones, then as listed.
    found.sort_by_key(|&(rank, virt, n, _)| (rank, virt, n));
    let mut out: Vec<IpAddr> = Vec::new();
    for (_, _, _, ip) in found {
        if !out.contains(&ip) {
            out.push(ip);
        }
    }
    out
}

fn usable(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            !(v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_multicast()
                || v4.is_broadcast())
        }
        IpAddr::V6(v6) => {
            !(v6.is_loopback() || v6.is_unspecified() || v6.is_multicast() || is_v6_link_local(v6))
        }
    }
}

fn is_v6_link_local(v6: Ipv6Addr) -> bool {
    v6.segments()[0] & 0xffc0 == 0xfe80
}

fn is_private_v4(v4: Ipv4Addr) -> bool {
    v4.is_private()
}

fn is_ula(v6: Ipv6Addr) -> bool {
    v6.octets()[0] == 0xfd
}

fn rank(ip: IpAddr) -> u8 {
    match ip {
        IpAddr::V4(v4) if is_private_v4(v4) => 0,
        IpAddr::V6(v6) if is_ula(v6) => 1,
        IpAddr::V4(_) => 2,
        IpAddr::V6(_) => 3,
    }
}

/// Bridges that containers and virtual machines make: phones are not there.
fn is_virtual(name: &str) -> bool {
    [
        "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "cni", "podman", "lxc",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

/// This laptop's interfaces, as the system lists them (empty if it cannot).
pub fn interfaces() -> Vec<Iface> {
    if_addrs::get_if_addrs()
        .map(|list| {
            list.into_iter()
                .map(|i| Iface {
                    up: i.is_oper_up(),
                    ip: i.ip(),
                    name: i.name,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The join address: `http://HOST:PORT/j/CODE`, or the public address the
/// facilitator gave (a tunnel's) with the code after it.
pub fn join_url(public: Option<&str>, ip: IpAddr, port: u16, code: &str) -> String {
    match public {
        Some(base) => format!("{}/j/{code}", base.trim_end_matches('/')),
        None => format!("http://{}/j/{code}", std::net::SocketAddr::new(ip, port)),
    }
}

/// A `--public-url`: an http or https address with a host, and nothing the
/// code could be confused with (no query or fragment).
pub fn check_public_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or("it must start with https:// or http://")?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() {
        return Err("it has no host".into());
    }
    if url.contains(['?', '#']) || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("it must be a plain address, without ?, # or spaces".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(name: &str, ip: &str, up: bool) -> Iface {
        Iface {
            name: name.into(),
            ip: ip.parse().unwrap(),
            up,
        }
    }

    fn ips(v: &[&str]) -> Vec<IpAddr> {
        v.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn private_ranges_first_then_unique_local_then_the_rest() {
        let list = [
            i("lo", "127.0.0.1", true),
            i("lo", "::1", true),
            i("eth0", "203.0.113.7", true),
            i("wlan0", "fe80::1", true),
            i("wlan0", "fd12:3456::9", true),
            i("wlan0", "2001:db8::5", true),
            i("wlan0", "192.168.1.23", true),
            i("tun0", "10.8.0.2", true),
            i("eth1", "172.20.1.4", true),
            i("eth2", "169.254.10.1", true),
        ];
        assert_eq!(
            reachable(&list),
            ips(&[
                "192.168.1.23",
                "10.8.0.2",
                "172.20.1.4",
                "fd12:3456::9",
                "203.0.113.7",
                "2001:db8::5"
            ])
        );
    }

    #[test]
    fn down_loopback_and_link_local_are_never_chosen() {
        let list = [
            i("lo", "127.0.0.1", true),
            i("lo", "::1", true),
            i("wlan0", "192.168.1.23", false),
            i("eth0", "169.254.3.3", true),
            i("eth0", "fe80::abcd", true),
        ];
        assert_eq!(reachable(&list), Vec::<IpAddr>::new());
        assert_eq!(reachable(&[]), Vec::<IpAddr>::new());
    }

    #[test]
    fn container_bridges_come_after_the_real_network() {
        let list = [
            i("docker0", "172.17.0.1", true),
            i("br-1a2b", "172.18.0.1", true),
            i("wlp2s0", "192.168.0.12", true),
            i("wlp2s0", "192.168.0.12", true),
        ];
        assert_eq!(
            reachable(&list),
            ips(&["192.168.0.12", "172.17.0.1", "172.18.0.1"])
        );
    }

    #[test]
    fn a_public_url_carries_the_code() {
        let ip: IpAddr = "192.168.1.2".parse().unwrap();
        assert_eq!(
            join_url(None, ip, 8080, "CODE"),
            "http://192.168.1.2:8080/j/CODE"
        );
        let v6: IpAddr = "fd00::1".parse().unwrap();
        assert_eq!(join_url(None, v6, 80, "C"), "http://[fd00::1]:80/j/C");
        assert_eq!(
            join_url(Some("https://laptop.example.ts.net/"), ip, 1, "CODE"),
            "https://laptop.example.ts.net/j/CODE"
        );
        assert!(check_public_url("https://laptop.example.ts.net").is_ok());
        assert!(check_public_url("http://10.0.0.1:8080/balcony").is_ok());
        assert!(check_public_url("ftp://x").is_err());
        assert!(check_public_url("https://").is_err());
        assert!(check_public_url("https://x/?a=1").is_err());
        assert!(check_public_url("https://x/\u{1b}[2J").is_err());
    }
}
