/**
 * Short display name of a village-level unit: "王太村委会" → "王太村", "团结社区居委会" → "团结社区".
 * Official names keep the committee suffix; maps and tables read better without it.
 */
export function shortVillageName(name: string): string {
  return name.replace(/村民委员会$|村委会$/, '村').replace(/居民委员会$|居委会$/, '');
}
