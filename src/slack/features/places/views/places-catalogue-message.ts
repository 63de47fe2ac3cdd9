// The /lugares catalogue as a message: each company (razón social, RFC) with its issuing places and
// how many users hold each, and (for admins) the buttons that act on them. Paged so that no page
// passes Slack's 50 blocks.
import type {
  TCataloguePlace,
  TCompanyWithPlaces,
} from "../../../../application/places/list-companies-with-places.ts";
import type { TLocale } from "../../../../i18n/locale.ts";
import {
  actions,
  button,
  context,
  divider,
  escapeMrkdwn,
  header,
  type KnownBlock,
  SLACK_LIMITS,
  section,
} from "../../../ui/blocks.ts";
import type { TMessageContent } from "../../../ui/message-content.ts";
import { encodeValue } from "../catalogue-state.ts";
import { placesCopy } from "../copy.ts";
import { PlacesActionId, PlacesBlockId } from "../ids.ts";
import { pageShowing, paginateCatalogue, type TBlockCosts, type TCatalogueSlice } from "./catalogue-pages.ts";

/** Blocks around the rows: a notice, the header, the summary, the toolbar, the paging buttons. */
const BLOCKS_AROUND_ROWS = 5;

export function catalogueBlockCosts(canManage: boolean): TBlockCosts {
  return {
    company: canManage ? 3 : 2,
    place: canManage ? 2 : 1,
    budget: SLACK_LIMITS.blocksInMessage - BLOCKS_AROUND_ROWS,
  };
}

/** The line of a place wherever the catalogue shows it: its label, then how many users hold it. */
export function placeLine(place: TCataloguePlace, locale: TLocale): string {
  const copy = placesCopy(locale);
  const holders =
    place.assignedUserCount === 0
      ? copy("place.holders_none")
      : copy("place.holders", { count: place.assignedUserCount });
  return `${escapeMrkdwn(place.label)}\n_${holders}_`;
}

function companyBlocks(
  slice: TCatalogueSlice,
  options: { page: number; canManage: boolean; locale: TLocale },
): KnownBlock[] {
  const { company } = slice;
  const copy = placesCopy(options.locale);
  const line = [
    copy("company.line", {
      legalName: escapeMrkdwn(company.legalName),
      rfc: escapeMrkdwn(company.rfc),
      count: company.places.length,
    }),
    ...(slice.continued ? [copy("company.continued")] : []),
    ...(company.places.length === 0 ? [copy("company.no_places")] : []),
  ].join(" ");
  const blocks: KnownBlock[] = [divider(), section(line, { blockId: PlacesBlockId.company(company.id) })];
  if (options.canManage) {
    const value = encodeValue({ page: options.page, companyId: company.id });
    blocks.push(
      actions(PlacesBlockId.companyActions(company.id), [
        button(copy("company.add_place"), PlacesActionId.ADD_PLACE, { value }),
        button(copy("company.edit"), PlacesActionId.EDIT_COMPANY, { value }),
        button(copy("company.remove"), PlacesActionId.ASK_REMOVE_COMPANY, { value, style: "danger" }),
      ]),
    );
  }
  for (const place of slice.places) {
    blocks.push(section(placeLine(place, options.locale), { blockId: PlacesBlockId.place(place.id) }));
    if (options.canManage) {
      const value = encodeValue({ page: options.page, placeId: place.id });
      blocks.push(
        actions(PlacesBlockId.placeActions(place.id), [
          button(copy("place.edit"), PlacesActionId.EDIT_PLACE, { value }),
          button(copy("place.remove"), PlacesActionId.ASK_REMOVE_PLACE, { value, style: "danger" }),
        ]),
      );
    }
  }
  return blocks;
}

export function placesCatalogueMessage(options: {
  companies: readonly TCompanyWithPlaces[];
  /** 1-based; past the end shows the last page. */
  page: number;
  /** When given and shown, the page showing it wins over `page` (after adding or editing it). */
  focus?: { readonly companyId: string; readonly placeId?: string | undefined };
  canManage: boolean;
  locale: TLocale;
  /** A line above the catalogue saying what just happened ("Se eliminó el lugar …"). */
  notice?: string;
}): TMessageContent {
  const { companies, canManage, locale } = options;
  const copy = placesCopy(locale);
  const pages = paginateCatalogue(companies, catalogueBlockCosts(canManage));
  const focused = options.focus === undefined ? undefined : pageShowing(pages, options.focus);
  const page = focused ?? Math.min(pages.length, Math.max(1, Math.trunc(options.page) || 1));
  const rows = pages[page - 1] ?? [];
  const placeCount = companies.reduce((total, company) => total + company.places.length, 0);

  const blocks: KnownBlock[] = [];
  if (options.notice !== undefined) blocks.push(section(options.notice));
  blocks.push(header(copy("catalogue.title")));
  blocks.push(
    context(
      copy("catalogue.summary", {
        page,
        pageCount: pages.length,
        companies: companies.length,
        places: placeCount,
      }),
      canManage ? copy("catalogue.hint") : `${copy("catalogue.read_only")} ${copy("catalogue.hint")}`,
    ),
  );
  if (canManage) {
    blocks.push(
      actions(PlacesBlockId.TOOLBAR, [
        button(copy("catalogue.new_company"), PlacesActionId.NEW_COMPANY, {
          style: "primary",
          value: encodeValue({ page }),
        }),
      ]),
    );
  }
  if (companies.length === 0) {
    blocks.push(section(copy(canManage ? "catalogue.empty_manage" : "catalogue.empty")));
  }
  for (const slice of rows) blocks.push(...companyBlocks(slice, { page, canManage, locale }));
  const paging = [
    ...(page > 1
      ? [
          button(copy("catalogue.previous"), PlacesActionId.PAGE_PREVIOUS, {
            value: encodeValue({ page: page - 1 }),
          }),
        ]
      : []),
    ...(page < pages.length
      ? [button(copy("catalogue.next"), PlacesActionId.PAGE_NEXT, { value: encodeValue({ page: page + 1 }) })]
      : []),
  ];
  if (paging.length > 0) blocks.push(actions(PlacesBlockId.PAGING, paging));
  return { text: options.notice ?? copy("catalogue.title"), blocks };
}
