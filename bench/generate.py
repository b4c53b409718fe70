"""Make N realistic plan reports of other cities and years, for benchmarks.

Each report has the header, sections and phrasing of real ones, with names, numbers and wording
varied from a seed: prefecture-level cities from the national list, figures with growth and
ranks in several phrasings, targets, companies, projects with phases and statuses, policies.

    python bench/generate.py 100 /tmp/corpus-100      # writes 100 .txt files, the same every time
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from graph.extract.gazetteer import divisions

INDICATORS = ["地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入",
              "城镇居民人均可支配收入", "农村居民人均可支配收入", "进出口总额", "网络零售额"]
UNITS = {"地区生产总值": "亿元", "固定资产投资": "亿元", "社会消费品零售总额": "亿元", "一般公共预算收入": "亿元",
         "城镇居民人均可支配收入": "元", "农村居民人均可支配收入": "元", "进出口总额": "亿元", "网络零售额": "亿元"}
GROWTH = ["同比增长{g}%", "比上年增长{g}%", "增长{g}%", "同比下降{g}%"]
RANK = ["，全省排名第{r}", "，居全省第{r}位", "，增速全省排名第{r}", ""]
SYLLABLES = "华泰昌盛鑫源宏达恒通瑞丰嘉禾新宇天成金海荣兴安康博远创联晟辉"
ENDINGS = ["有限公司", "集团", "股份有限公司"]
PROJECTS = ["新材料产业园", "储能电站", "算力中心", "物流园", "光伏发电项目", "污水处理厂提标改造工程"]
STATUSES = ["开工建设", "竣工投产", "获得核准", "加快建设", "有序推进", "建成投用"]
POLICIES = ["促进民营经济高质量发展若干措施", "数字经济发展规划(2025-2030年)", "优化营商环境行动方案",
            "科技创新平台管理办法"]


def report(rng: random.Random, city: str, year: int) -> str:
    name = lambda: "".join(rng.sample(SYLLABLES, 2))  # noqa: E731 - a tiny local helper
    lines = [f"关于{city}{year}年国民经济和社会发展计划执行情况与{year + 1}年国民经济和社会发展计划草案的报告", "",
             f"——{year + 1}年1月{rng.randint(10, 28)}日在{city}第十五届人民代表大会第{rng.randint(2, 6)}次会议上", "",
             f"{city}发展和改革委员会主任　{rng.choice('王李张刘陈杨赵黄')}{name()}", "", "各位代表：", "",
             f"一、{year}年国民经济和社会发展计划执行情况", "", "（一）经济运行总体平稳", ""]
    sentences = []
    for indicator in rng.sample(INDICATORS, 6):
        unit = UNITS.get(indicator)
        value = f"{rng.uniform(50, 5000):.1f}" if unit == "亿元" else str(rng.randint(12000, 60000))
        growth = rng.choice(GROWTH).format(g=f"{rng.uniform(0.5, 12):.1f}")
        head = f"全市{indicator}完成{value}{unit}，" if unit else f"全市{indicator}"
        sentences.append(f"{year}年，{head}{growth}{rng.choice(RANK).format(r=rng.randint(1, 11))}。")
    lines += ["".join(sentences), "", "（二）产业项目加快推进", ""]
    companies = [f"{city[:-1]}{name()}{rng.choice(['新材料', '能源', '科技', '物流'])}{rng.choice(ENDINGS)}"
                 for _ in range(3)]
    short = [name() + name() for _ in range(2)]
    lines += [f"推动{short[0]}、{short[1]}等重点企业扩产增效，{companies[0]}、{companies[1]}获评省级绿色工厂。"]
    for _ in range(4):
        phase = rng.choice(["", "二期", "三期"])
        lines[-1] += f"{name()}{rng.choice(PROJECTS)}{phase}{rng.choice(STATUSES)}，"
    lines[-1] = lines[-1].rstrip("，") + "。"
    lines += ["", f"印发《{city}{rng.choice(POLICIES)}》，出台《{city}{rng.choice(POLICIES)}》。", "",
              f"二、{year + 1}年主要预期目标", "",
              f"地区生产总值增长{rng.choice(['5', '5.5', '6'])}%左右，固定资产投资增长{rng.randint(3, 9)}%，"
              f"城镇新增就业{rng.uniform(1, 9):.1f}万人以上。", ""]
    return "\n".join(lines)


def main(count: int, folder: Path, seed: int = 2025) -> None:
    rng = random.Random(seed)
    cities = sorted(d.name for d in divisions().values() if d.level == "city" and d.name.endswith("市"))
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        city = rng.choice(cities)
        year = rng.randint(2018, 2025)
        (folder / f"report-{index:05d}.txt").write_text(report(rng, city, year), encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]))
