package cn.redlive.product;

import cn.redlive.core.Paging;

import java.util.Set;

/** A product-library search: the filters given (null when not), a sort name and the page. */
public record ProductQuery(String name, Long brandId, String category, String origin, Long minPriceFen, Long maxPriceFen,
                           Integer minCommissionBp, String status, String sort, Paging paging) {

  /** The sorts a search may ask for (their SQL is in {@link ProductSearchFilter#ORDER_BY}). */
  static final Set<String> SORTS = ProductSearchFilter.ORDER_BY.keySet();

  ProductQuery confinedTo(Long onlyBrand, String onlyStatus) {
    return new ProductQuery(name, onlyBrand != null ? onlyBrand : brandId, category, origin, minPriceFen, maxPriceFen,
        minCommissionBp, onlyStatus != null ? onlyStatus : status, sort, paging);
  }
}
